import type { SemesterId } from '../semesters.ts';
import type { StateCode } from './states.ts';

/**
 * The default Presidency calendar. It seeds the table once; from then on the stored calendar is the
 * truth, so that the Commission can correct it without a release.
 */
export const defaultPresidencyCalendar: Readonly<Record<SemesterId, StateCode>> = {
  '2024-H1': 'BE',
  '2024-H2': 'HU',
  '2025-H1': 'PL',
  '2025-H2': 'DK',
  '2026-H1': 'CY',
  '2026-H2': 'IE',
  '2027-H1': 'LT',
  '2027-H2': 'GR',
  '2028-H1': 'IT',
  '2028-H2': 'LV',
  '2029-H1': 'LU',
  '2029-H2': 'NL',
  '2030-H1': 'SK',
  '2030-H2': 'MT',
};

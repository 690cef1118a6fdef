import * as z from 'zod';
import { nextSemesterId, type SemesterId, semester, semesterIdAt, semesterIdSchema } from '../semesters.ts';
import { isParticipatingState, type StateCode } from './states.ts';

/**
 * The default Presidency calendar. It seeds the table once; from then on the stored calendar is the
 * truth, so that the Commission can correct it without a release (PUT /api/reference/presidency).
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

/** The calendar is checked this far ahead for semesters with no Presidency (the warning). */
export const PRESIDENCY_WARNING_MONTHS = 12;

/** A Presidency may be set up to this many years ahead: the Council fixes its order about a decade out. */
export const PRESIDENCY_MAX_YEARS_AHEAD = 20;

export const presidencyParams = z.strictObject({ semester: semesterIdSchema });

/**
 * `PUT /api/reference/presidency/{semester}`. Any participating state may hold the Presidency, bound
 * or not (Denmark held it in 2025-H2). `version` is the semester's, 0 when none is stored yet.
 */
export const setPresidencySchema = z
  .strictObject({
    state: z.string().refine(isParticipatingState, { message: 'Not a participating state' }),
    version: z.number().int().min(0),
  })
  .meta({ id: 'SetPresidency' });

export const presidencyEntrySchema = z
  .object({
    semester: semesterIdSchema,
    presidency: z.string(),
    status: z.enum(['open', 'closed']),
    version: z.number().int(),
  })
  .meta({ id: 'PresidencyEntry' });

/**
 * The current semester and those starting within the next 12 months that have no Presidency in
 * `stored`: without one, their networks fall back to the "most ILOs" rule, so the Commission is warned.
 */
export function presidencyGaps(stored: ReadonlySet<string>, now: Date): SemesterId[] {
  const horizon = new Date(now);
  horizon.setUTCMonth(horizon.getUTCMonth() + PRESIDENCY_WARNING_MONTHS);
  const gaps: SemesterId[] = [];
  for (let id = semesterIdAt(now); Date.parse(semester(id).startsAt) <= horizon.getTime(); ) {
    if (!stored.has(id)) gaps.push(id);
    id = nextSemesterId(id);
  }
  return gaps;
}

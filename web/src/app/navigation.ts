import type { NavigationItem } from '../components/layout/PrimaryNavigation.tsx';
import { paths } from '../config/paths.ts';

/**
 * The main menu, in order. Each feature adds its entry here (Secondments, Networks, Semesters,
 * Reports), with its label under `navigation.*` in both locale files.
 */
export const primaryNavigation: readonly NavigationItem[] = [
  { to: paths.dashboard, labelKey: 'navigation.dashboard', end: true },
  { to: paths.secondments, labelKey: 'navigation.secondments' },
  { to: paths.networks, labelKey: 'navigation.networks' },
  { to: paths.semesters, labelKey: 'navigation.semesters' },
  { to: paths.reports, labelKey: 'navigation.reports' },
];

import type { Capability } from '#shared/api/schemas.ts';
import type { NavigationItem } from '../components/layout/PrimaryNavigation.tsx';
import { paths } from '../config/paths.ts';

/**
 * The main menu, in order. Each feature adds its entry here (Secondments, Networks, Semesters,
 * Reports, People, My account), with its label under `navigation.*` in both locale files, and the
 * capability it needs when not everyone signed in can use it (the Parliament and the EBCG Agency
 * receive no secondment notifications: no Secondments entry for them).
 */
export const primaryNavigation: readonly NavigationItem[] = [
  { to: paths.dashboard, labelKey: 'navigation.dashboard', end: true },
  { to: paths.secondments, labelKey: 'navigation.secondments', capability: 'secondments.read' },
  { to: paths.networks, labelKey: 'navigation.networks' },
  { to: paths.semesters, labelKey: 'navigation.semesters' },
  { to: paths.reports, labelKey: 'navigation.reports' },
  { to: paths.people, labelKey: 'navigation.people', capability: 'people.manage' },
  { to: paths.account, labelKey: 'navigation.account' },
];

/** The entries the signed-in person can use: those needing a capability only with it. */
export function navigationFor(capabilities: readonly Capability[] | undefined): NavigationItem[] {
  return primaryNavigation.filter(
    (item) => item.capability === undefined || (capabilities ?? []).includes(item.capability),
  );
}

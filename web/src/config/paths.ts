import { SIGN_IN_CALLBACK_PATH } from '#shared/auth.ts';

/** The app's routes, in one place so that features link to one another without importing each other. */
export const paths = {
  dashboard: '/',
  signIn: '/sign-in',
  /** Where the hosted sign-in returns (the Cognito web client lists it as its callback). */
  signInCallback: SIGN_IN_CALLBACK_PATH,
  secondments: '/secondments',
  newSecondment: '/secondments/new',
  secondment: '/secondments/:id',
  editSecondment: '/secondments/:id/edit',
  networks: '/networks',
  network: '/networks/:id',
  recordActivity: '/networks/:id/record/:kind',
  editActivity: '/networks/:id/activities/:semester/:activityId/edit',
  arrangements: '/arrangements',
  newArrangement: '/arrangements/new',
  arrangement: '/arrangements/:id',
  semesters: '/semesters',
  semester: '/semesters/:id',
  contribution: '/semesters/:id/networks/:net/contributions/:state',
  reports: '/reports',
  semesterReports: '/semesters/:id/reports',
  report: '/semesters/:id/reports/:net',
  /** One file of a report version: a lasting address (the API signs a fresh link on each visit). */
  reportFile: '/semesters/:id/reports/:net/files/:version/:format',
  annualSummary: '/annual-summaries/:year',
  people: '/people',
  account: '/account',
} as const;

/** The page of one secondment (`/secondments/:id`). */
export function secondmentPath(id: string): string {
  return `${paths.secondments}/${encodeURIComponent(id)}`;
}

/** The form that edits (or, once notified, amends) one secondment. */
export function editSecondmentPath(id: string): string {
  return `${secondmentPath(id)}/edit`;
}

/** The page of one network (`/networks/:id`), for a given semester when named. */
export function networkPath(id: string, semester?: string): string {
  const path = `${paths.networks}/${encodeURIComponent(id)}`;
  return semester ? `${path}?semester=${encodeURIComponent(semester)}` : path;
}

/** The kinds of network activity as they appear in addresses (`/networks/TR/record/carrier-position`). */
export type ActivityPathKind = 'meeting' | 'training' | 'carrier-position' | 'contact';

/** The form that records a new activity of one kind in a network. */
export function recordActivityPath(networkId: string, kind: ActivityPathKind): string {
  return `${paths.networks}/${encodeURIComponent(networkId)}/record/${kind}`;
}

/** The form that changes a recorded activity. */
export function editActivityPath(networkId: string, semester: string, activityId: string): string {
  return `${paths.networks}/${encodeURIComponent(networkId)}/activities/${encodeURIComponent(semester)}/${encodeURIComponent(activityId)}/edit`;
}

/** The arrangements, filtered by host country or party when given (`/arrangements?hostCountry=TR`). */
export function arrangementsPath(filter: { hostCountry?: string; state?: string } = {}): string {
  const query = new URLSearchParams();
  if (filter.hostCountry) query.set('hostCountry', filter.hostCountry);
  if (filter.state) query.set('state', filter.state);
  const search = query.toString();
  return search ? `${paths.arrangements}?${search}` : paths.arrangements;
}

/** The page of one representation or task-sharing arrangement. */
export function arrangementPath(id: string): string {
  return `${paths.arrangements}/${encodeURIComponent(id)}`;
}

/** The page of one semester (`/semesters/2026-H1`): its networks' expected and received contributions. */
export function semesterPath(id: string): string {
  return `${paths.semesters}/${encodeURIComponent(id)}`;
}

/** The network reports of one semester (`/semesters/2026-H1/reports`), and the close that generates them. */
export function semesterReportsPath(id: string): string {
  return `${semesterPath(id)}/reports`;
}

/** One network's report for a semester, at a given version when named (the latest otherwise). */
export function reportPath(semester: string, networkId: string, version?: number): string {
  const path = `${semesterReportsPath(semester)}/${encodeURIComponent(networkId)}`;
  return version === undefined ? path : `${path}?version=${version}`;
}

/**
 * The lasting address of one file of a report version (`/semesters/2026-H1/reports/TR/files/2/pdf`): it
 * carries no signature, so a copied link works whenever, for anyone who may read that version.
 */
export function reportFilePath(semester: string, networkId: string, version: number, format: string): string {
  return `${semesterReportsPath(semester)}/${encodeURIComponent(networkId)}/files/${version}/${encodeURIComponent(format)}`;
}

/** The Commission's annual summary of the networks for one year (`/annual-summaries/2026`). */
export function annualSummaryPath(year: number | string): string {
  return `/annual-summaries/${encodeURIComponent(String(year))}`;
}

/** One state's contribution to one network's report for a semester. */
export function contributionPath(semester: string, networkId: string, state: string): string {
  return `${semesterPath(semester)}/networks/${encodeURIComponent(networkId)}/contributions/${encodeURIComponent(state)}`;
}

/** The people of an organisation (`/people?organisation=FR`; the caller's own when not named). */
export function peoplePath(organisation?: string): string {
  return organisation ? `${paths.people}?organisation=${encodeURIComponent(organisation)}` : paths.people;
}

/**
 * Which handler file serves which endpoint of the contract. The CDK stack makes one function and one
 * route per row; the local runtime dispatches to the same files. Paths are relative to functions/.
 */
import { type EndpointId, endpoints } from '#shared/api/endpoints.ts';
import { COGNITO_ACTIONS } from './people/identity.ts';

export interface Route {
  endpoint: EndpointId;
  /** Handler module, relative to this folder; it exports `handler`. */
  entry: string;
  /** What the handler does with the table: the stack grants exactly that (read is the default). */
  table?: 'read' | 'read-write';
  /** What it does with the reports bucket (nothing by default). */
  bucket?: 'read' | 'read-write';
  /** It sends report-generation requests to the queue. */
  sendsToReportQueue?: true;
  /** It renders PDFs: the bundle carries the report fonts. */
  rendersDocuments?: true;
  /** The identity provider's (Cognito's) actions it calls: granted on the user pool only, with USER_POOL_ID. */
  identityActions?: readonly string[];
}

export const routes: readonly Route[] = [
  { endpoint: 'health', entry: 'handlers/health.ts' },
  { endpoint: 'openApi', entry: 'handlers/openapi.ts' },
  { endpoint: 'me', entry: 'handlers/me.ts' },
  { endpoint: 'reference', entry: 'handlers/reference.ts' },
  { endpoint: 'createSecondment', entry: 'handlers/secondments/create.ts', table: 'read-write' },
  { endpoint: 'listSecondments', entry: 'handlers/secondments/list.ts' },
  { endpoint: 'getSecondment', entry: 'handlers/secondments/get.ts' },
  { endpoint: 'updateSecondment', entry: 'handlers/secondments/update.ts', table: 'read-write' },
  { endpoint: 'notifySecondment', entry: 'handlers/secondments/notify.ts', table: 'read-write' },
  { endpoint: 'endSecondment', entry: 'handlers/secondments/end.ts', table: 'read-write' },
  { endpoint: 'withdrawSecondment', entry: 'handlers/secondments/withdraw.ts', table: 'read-write' },
  { endpoint: 'secondmentHistory', entry: 'handlers/secondments/history.ts' },
  { endpoint: 'feed', entry: 'handlers/feed.ts' },
  { endpoint: 'audit', entry: 'handlers/audit.ts' },
  { endpoint: 'listNetworks', entry: 'handlers/networks/list.ts' },
  { endpoint: 'getNetwork', entry: 'handlers/networks/get.ts' },
  { endpoint: 'recordMeeting', entry: 'handlers/networks/meetings.ts', table: 'read-write' },
  { endpoint: 'recordTraining', entry: 'handlers/networks/trainings.ts', table: 'read-write' },
  { endpoint: 'recordCarrierPosition', entry: 'handlers/networks/carrier-positions.ts', table: 'read-write' },
  { endpoint: 'recordContact', entry: 'handlers/networks/contacts.ts', table: 'read-write' },
  { endpoint: 'updateActivity', entry: 'handlers/networks/update-activity.ts', table: 'read-write' },
  { endpoint: 'designateActingState', entry: 'handlers/networks/acting-state.ts', table: 'read-write' },
  { endpoint: 'reassignDraftingState', entry: 'handlers/networks/drafting-state.ts', table: 'read-write' },
  { endpoint: 'listRegions', entry: 'handlers/networks/list-regions.ts' },
  { endpoint: 'saveRegion', entry: 'handlers/networks/save-region.ts', table: 'read-write' },
  { endpoint: 'proposeArrangement', entry: 'handlers/arrangements/propose.ts', table: 'read-write' },
  { endpoint: 'listArrangements', entry: 'handlers/arrangements/list.ts' },
  { endpoint: 'getArrangement', entry: 'handlers/arrangements/get.ts' },
  { endpoint: 'acceptArrangement', entry: 'handlers/arrangements/accept.ts', table: 'read-write' },
  { endpoint: 'withdrawArrangement', entry: 'handlers/arrangements/withdraw.ts', table: 'read-write' },
  { endpoint: 'listSemesters', entry: 'handlers/semesters/list.ts' },
  { endpoint: 'getSemester', entry: 'handlers/semesters/get.ts' },
  {
    endpoint: 'closeSemester',
    entry: 'handlers/semesters/close.ts',
    table: 'read-write',
    sendsToReportQueue: true,
  },
  { endpoint: 'outstandingContributions', entry: 'handlers/contributions/outstanding.ts' },
  { endpoint: 'getContribution', entry: 'handlers/contributions/get.ts' },
  { endpoint: 'saveContribution', entry: 'handlers/contributions/save.ts', table: 'read-write' },
  {
    endpoint: 'submitContribution',
    entry: 'handlers/contributions/submit.ts',
    table: 'read-write',
    sendsToReportQueue: true,
  },
  { endpoint: 'reopenContribution', entry: 'handlers/contributions/reopen.ts', table: 'read-write' },
  { endpoint: 'listReports', entry: 'handlers/reports/list.ts' },
  { endpoint: 'getReport', entry: 'handlers/reports/get.ts', bucket: 'read' },
  { endpoint: 'getReportHtml', entry: 'handlers/reports/html.ts', bucket: 'read' },
  { endpoint: 'saveAssessment', entry: 'handlers/reports/assessment.ts', table: 'read-write' },
  {
    endpoint: 'finaliseReport',
    entry: 'handlers/reports/finalise.ts',
    table: 'read-write',
    bucket: 'read-write',
    rendersDocuments: true,
  },
  { endpoint: 'getAnnualSummary', entry: 'handlers/reports/annual-summary.ts', bucket: 'read' },
  // ---- the people directory ----
  { endpoint: 'listPeople', entry: 'handlers/people/list.ts' },
  {
    endpoint: 'createPerson',
    entry: 'handlers/people/create.ts',
    table: 'read-write',
    identityActions: COGNITO_ACTIONS.create,
  },
  {
    endpoint: 'updatePerson',
    entry: 'handlers/people/update.ts',
    table: 'read-write',
    identityActions: COGNITO_ACTIONS.update,
  },
  {
    endpoint: 'disablePerson',
    entry: 'handlers/people/disable.ts',
    table: 'read-write',
    identityActions: COGNITO_ACTIONS.disable,
  },
  {
    endpoint: 'enablePerson',
    entry: 'handlers/people/enable.ts',
    table: 'read-write',
    identityActions: COGNITO_ACTIONS.enable,
  },
  { endpoint: 'updatePreferences', entry: 'handlers/people/preferences.ts', table: 'read-write' },
  { endpoint: 'setPresidency', entry: 'handlers/set-presidency.ts', table: 'read-write' },
  { endpoint: 'getReportFile', entry: 'handlers/reports/file.ts', bucket: 'read' },
];

/**
 * When a scheduled job runs: the one table the CDK stack's rules (infra/stateless-stack.ts) and the
 * local scheduler (local/scheduler.ts) both read.
 */
export interface JobSchedule {
  /** Time of day in `timeZone`. */
  hour: number;
  minute: number;
  timeZone: 'UTC' | 'Europe/Brussels';
  /**
   * Only on these days (the cron day-of-month and month fields), e.g. the semester boundaries; every
   * day when absent. The local scheduler runs every job daily at its time: each job catches up on what
   * is due, so a daily run does on those days what the boundary run does.
   */
  on?: { day: string; month: string };
}

type Job = Omit<Route, 'endpoint'> & { table: 'read' | 'read-write'; schedule?: JobSchedule };

/** Jobs: handlers started by a schedule, a deployment or a queue rather than by a route. */
export const jobs = {
  seedReference: { entry: 'handlers/seed-reference.ts', table: 'read-write' },
  /** After midnight in Brussels in winter and summer alike. */
  erasePersonalData: {
    entry: 'handlers/erase-personal-data.ts',
    table: 'read-write',
    schedule: { hour: 1, minute: 30, timeZone: 'UTC' },
  },
  /** At each semester boundary: midnight in Brussels on 1 January and 1 July. */
  closeSemesters: {
    entry: 'handlers/close-semesters.ts',
    table: 'read-write',
    sendsToReportQueue: true,
    schedule: { hour: 0, minute: 0, timeZone: 'Europe/Brussels', on: { day: '1', month: '1,7' } },
  },
  sendReminders: {
    entry: 'handlers/send-reminders.ts',
    table: 'read-write',
    schedule: { hour: 7, minute: 0, timeZone: 'UTC' },
  },
  generateReports: {
    entry: 'handlers/generate-reports.ts',
    table: 'read-write',
    bucket: 'read-write',
    rendersDocuments: true,
  },
  /** Daily, so that it follows late report versions; it drafts only when its inputs changed. */
  draftAnnualSummary: {
    entry: 'handlers/draft-annual-summary.ts',
    table: 'read-write',
    bucket: 'read-write',
    rendersDocuments: true,
    schedule: { hour: 4, minute: 0, timeZone: 'UTC' },
  },
  /** Cognito's post-authentication trigger: the person's last sign-in (locally the dev login records it). */
  recordSignIn: { entry: 'handlers/post-authentication.ts', table: 'read-write' },
  /** SES's permanent bounces and complaints (SNS): the suppression list and the person's mark. */
  sesFeedback: { entry: 'handlers/ses-feedback.ts', table: 'read-write' },
} as const satisfies Record<string, Job>;

export type JobName = keyof typeof jobs;

export const routeKey = (route: Route) =>
  `${endpoints[route.endpoint].method} ${endpoints[route.endpoint].path}`;

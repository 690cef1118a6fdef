/**
 * The HTTP contract as data: every endpoint with its method, path, who may call it, and the zod
 * schemas of its input and output. The OpenAPI document, the local router and the CDK routes are
 * all derived from this list (through functions/routes.ts), so they cannot drift apart.
 */
import * as z from 'zod';
import { annualSummaryParams, annualSummarySchema } from '../annual-summary.ts';
import { auditQuerySchema, auditTrailSchema } from '../audit.ts';
import {
  closeSemesterSchema,
  contributionDraftSchema,
  contributionParams,
  contributionSchema,
  outstandingSchema,
  reopenContributionSchema,
  semesterDetailSchema,
  semesterListSchema,
  semesterParams,
} from '../contributions.ts';
import { type ErrorCode, errorStatus } from '../errors.ts';
import { feedQuerySchema, feedSchema } from '../feed.ts';
import {
  activityParams,
  activityRecordSchema,
  activityUpdateSchema,
  arrangementListQuerySchema,
  arrangementListSchema,
  arrangementRecordSchema,
  arrangementSchema,
  carrierPositionSchema,
  contactSchema,
  designationSchema,
  meetingSchema,
  networkListSchema,
  networkParams,
  networkQuerySchema,
  networkSchema,
  networkSemesterParams,
  regionIdParams,
  regionInputSchema,
  regionListSchema,
  regionSchema,
  trainingSchema,
} from '../networks.ts';
import {
  createPersonSchema,
  personIdParams,
  personListQuerySchema,
  personListSchema,
  personSchema,
  preferencesSchema,
  updatePersonSchema,
} from '../people.ts';
import { presidencyEntrySchema, presidencyParams, setPresidencySchema } from '../reference/presidency.ts';
import {
  assessmentSchema,
  finaliseSchema,
  reportFileParams,
  reportFileRedirectSchema,
  reportHtmlSchema,
  reportListSchema,
  reportParams,
  reportQuerySchema,
  reportSchema,
  reportSummarySchema,
} from '../reports.ts';
import {
  createSecondmentSchema,
  endSecondmentSchema,
  secondmentHistorySchema,
  secondmentListQuerySchema,
  secondmentListSchema,
  secondmentSchema,
  updateSecondmentSchema,
  versionOnlySchema,
} from '../secondments.ts';
import {
  devLoginRequestSchema,
  devLoginResponseSchema,
  errorBodySchema,
  healthSchema,
  meSchema,
  referenceSchema,
} from './schemas.ts';

/** ULIDs as issued by the API: 26 characters of Crockford base 32. */
const idParams = z.strictObject({
  id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Not an id this API issued'),
});

/** An Idempotency-Key as the API takes it (a UUID fits): letters, digits and `._:-`, at most 128. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Endpoint {
  method: HttpMethod;
  /** API Gateway route path, with `{param}` placeholders. */
  path: string;
  /** `public` routes carry no token; every other route needs a signed-in caller. */
  access: 'public' | 'signed-in';
  /** Served by the local runtime only; the deployed stack has no route to it. */
  localOnly?: boolean;
  summary: string;
  tag: string;
  body?: z.ZodType;
  query?: z.ZodType;
  /** Path parameters, checked before the handler runs (a malformed id is a 400, not a lookup). */
  params?: z.ZodType;
  /** Success status and schema. */
  success: { status: number; schema: z.ZodType | 'any' };
  /**
   * A creating request that takes an optional Idempotency-Key header: a retry with the same key and
   * body replays the first answer (header Idempotent-Replayed: true) and creates nothing more.
   */
  idempotent?: true;
  /**
   * The error codes its handler and service answer (HttpError, forbidden, notFound, staleVersion
   * below the handler). What the middleware chain answers for every endpoint of its kind is added by
   * `errorCodesOf`, not repeated here.
   */
  errors: readonly ErrorCode[];
}

export const endpoints = {
  health: {
    method: 'GET',
    path: '/api/health',
    access: 'public',
    summary: 'Liveness: answers once the data store answers',
    tag: 'system',
    success: { status: 200, schema: healthSchema },
    errors: [],
  },
  openApi: {
    method: 'GET',
    path: '/api/openapi.json',
    // Every route but health (and the local dev login) takes a token (API.md), the contract's too.
    access: 'signed-in',
    summary: 'This contract as an OpenAPI 3.1 document',
    tag: 'system',
    success: { status: 200, schema: 'any' },
    errors: [],
  },
  devLogin: {
    method: 'POST',
    path: '/api/dev/login',
    access: 'public',
    localOnly: true,
    summary:
      "Local runtime only: sign in as a person of the directory ({ email }) or as an organisation's demo person for a role, get a bearer token",
    tag: 'system',
    body: devLoginRequestSchema,
    success: { status: 200, schema: devLoginResponseSchema },
    errors: ['unauthenticated', 'account_disabled'],
  },
  me: {
    method: 'GET',
    path: '/api/me',
    access: 'signed-in',
    summary:
      'Who the caller is: organisation and role, and the person of the directory (id, e-mail, preferences)',
    tag: 'identity',
    success: { status: 200, schema: meSchema },
    errors: [],
  },
  reference: {
    method: 'GET',
    path: '/api/reference',
    access: 'signed-in',
    summary:
      'Reference data: participating states, host countries, semesters with their Presidency, report templates',
    tag: 'reference',
    success: { status: 200, schema: referenceSchema },
    errors: [],
  },
  createSecondment: {
    method: 'POST',
    path: '/api/secondments',
    access: 'signed-in',
    summary: "Create a draft secondment for the caller's state (state editors and coordinators)",
    tag: 'secondments',
    body: createSecondmentSchema,
    success: { status: 201, schema: secondmentSchema },
    idempotent: true,
    errors: ['forbidden'],
  },
  listSecondments: {
    method: 'GET',
    path: '/api/secondments',
    access: 'signed-in',
    summary:
      "Secondments: notified ones, and the caller state's own drafts (filters: hostCountry, state, status, phase)",
    tag: 'secondments',
    query: secondmentListQuerySchema,
    success: { status: 200, schema: secondmentListSchema },
    errors: ['forbidden'],
  },
  getSecondment: {
    method: 'GET',
    path: '/api/secondments/{id}',
    access: 'signed-in',
    params: idParams,
    summary: 'One secondment; the officer only for participating states and the Commission',
    tag: 'secondments',
    success: { status: 200, schema: secondmentSchema },
    errors: ['forbidden', 'not_found'],
  },
  updateSecondment: {
    method: 'PUT',
    path: '/api/secondments/{id}',
    access: 'signed-in',
    params: idParams,
    summary:
      'Replace the editable fields, with the version read (after notification: a new, amended version)',
    tag: 'secondments',
    body: updateSecondmentSchema,
    success: { status: 200, schema: secondmentSchema },
    errors: ['forbidden', 'not_found', 'stale_version', 'not_editable'],
  },
  notifySecondment: {
    method: 'POST',
    path: '/api/secondments/{id}/notify',
    access: 'signed-in',
    params: idParams,
    summary: 'Notify a draft: every other state, the Commission and the Council are informed',
    tag: 'secondments',
    body: versionOnlySchema,
    success: { status: 200, schema: secondmentSchema },
    errors: ['forbidden', 'not_found', 'stale_version', 'not_editable'],
  },
  endSecondment: {
    method: 'POST',
    path: '/api/secondments/{id}/end',
    access: 'signed-in',
    params: idParams,
    summary: 'Notify the end date of a secondment',
    tag: 'secondments',
    body: endSecondmentSchema,
    success: { status: 200, schema: secondmentSchema },
    errors: ['forbidden', 'not_found', 'stale_version', 'not_editable'],
  },
  withdrawSecondment: {
    method: 'POST',
    path: '/api/secondments/{id}/withdraw',
    access: 'signed-in',
    params: idParams,
    summary: 'Withdraw a notified secondment that has not started',
    tag: 'secondments',
    body: versionOnlySchema,
    success: { status: 200, schema: secondmentSchema },
    errors: ['forbidden', 'not_found', 'stale_version', 'not_editable'],
  },
  secondmentHistory: {
    method: 'GET',
    path: '/api/secondments/{id}/history',
    access: 'signed-in',
    params: idParams,
    summary: 'Every version with actor and time (others see the versions from notification on)',
    tag: 'secondments',
    success: { status: 200, schema: secondmentHistorySchema },
    errors: ['forbidden', 'not_found'],
  },
  feed: {
    method: 'GET',
    path: '/api/feed',
    access: 'signed-in',
    summary: "Notifications addressed to the caller's organisation, newest first",
    tag: 'feed',
    query: feedQuerySchema,
    success: { status: 200, schema: feedSchema },
    errors: [],
  },
  audit: {
    method: 'GET',
    path: '/api/audit',
    access: 'signed-in',
    summary: 'The audit trail of one entity (EC admins; a state for its own entities)',
    tag: 'audit',
    query: auditQuerySchema,
    success: { status: 200, schema: auditTrailSchema },
    errors: ['forbidden', 'not_found'],
  },
  listNetworks: {
    method: 'GET',
    path: '/api/networks',
    access: 'signed-in',
    summary: 'Networks with an ILO active today, with their members and ILO counts; regional networks too',
    tag: 'networks',
    success: { status: 200, schema: networkListSchema },
    errors: [],
  },
  getNetwork: {
    method: 'GET',
    path: '/api/networks/{id}',
    access: 'signed-in',
    params: networkParams,
    query: networkQuerySchema,
    summary: 'A network in a semester: members, drafting state and why, activities, arrangements',
    tag: 'networks',
    success: { status: 200, schema: networkSchema },
    errors: ['not_found'],
  },
  recordMeeting: {
    method: 'POST',
    path: '/api/networks/{id}/meetings',
    access: 'signed-in',
    params: networkParams,
    summary: 'Record a meeting (member states)',
    tag: 'networks',
    body: meetingSchema,
    success: { status: 201, schema: activityRecordSchema },
    idempotent: true,
    errors: ['forbidden', 'not_found', 'semester_closed'],
  },
  recordTraining: {
    method: 'POST',
    path: '/api/networks/{id}/trainings',
    access: 'signed-in',
    params: networkParams,
    summary: 'Record a training attended or given (member states)',
    tag: 'networks',
    body: trainingSchema,
    success: { status: 201, schema: activityRecordSchema },
    idempotent: true,
    errors: ['forbidden', 'not_found', 'semester_closed'],
  },
  recordCarrierPosition: {
    method: 'POST',
    path: '/api/networks/{id}/carrier-positions',
    access: 'signed-in',
    params: networkParams,
    summary: 'Record a position coordinated towards commercial carriers (member states)',
    tag: 'networks',
    body: carrierPositionSchema,
    success: { status: 201, schema: activityRecordSchema },
    idempotent: true,
    errors: ['forbidden', 'not_found', 'semester_closed'],
  },
  recordContact: {
    method: 'POST',
    path: '/api/networks/{id}/contacts',
    access: 'signed-in',
    params: networkParams,
    summary: 'Record a contact with another network or an international organisation (member states)',
    tag: 'networks',
    body: contactSchema,
    success: { status: 201, schema: activityRecordSchema },
    idempotent: true,
    errors: ['forbidden', 'not_found', 'semester_closed'],
  },
  updateActivity: {
    method: 'PUT',
    path: '/api/networks/{id}/semesters/{semester}/activities/{activityId}',
    access: 'signed-in',
    params: activityParams,
    summary: 'Change a recorded activity (the recording state), with the version read',
    tag: 'networks',
    body: activityUpdateSchema,
    success: { status: 200, schema: activityRecordSchema },
    errors: ['forbidden', 'not_found', 'stale_version', 'semester_closed'],
  },
  designateActingState: {
    method: 'PUT',
    path: '/api/networks/{id}/semesters/{semester}/acting-state',
    access: 'signed-in',
    params: networkSemesterParams,
    summary: 'Designate the state acting for the Presidency (member coordinators, EC)',
    tag: 'networks',
    body: designationSchema,
    success: { status: 200, schema: networkSchema },
    errors: ['forbidden', 'not_found', 'stale_version', 'semester_closed'],
  },
  reassignDraftingState: {
    method: 'PUT',
    path: '/api/networks/{id}/semesters/{semester}/drafting-state',
    access: 'signed-in',
    params: networkSemesterParams,
    summary: "Reassign the drafting state (the Commission's administrators); audited",
    tag: 'networks',
    body: designationSchema,
    success: { status: 200, schema: networkSchema },
    errors: ['forbidden', 'not_found', 'stale_version'],
  },
  listRegions: {
    method: 'GET',
    path: '/api/regional-networks',
    access: 'signed-in',
    summary: 'Regional networks: named sets of host countries',
    tag: 'networks',
    success: { status: 200, schema: regionListSchema },
    errors: [],
  },
  saveRegion: {
    method: 'PUT',
    path: '/api/regional-networks/{id}',
    access: 'signed-in',
    params: regionIdParams,
    summary: "Create (version 0) or change a regional network (the Commission's administrators)",
    tag: 'networks',
    body: regionInputSchema,
    success: { status: 200, schema: regionSchema },
    errors: ['forbidden', 'stale_version'],
  },
  proposeArrangement: {
    method: 'POST',
    path: '/api/arrangements',
    access: 'signed-in',
    summary: "Propose a representation or task-sharing arrangement (a party's coordinator)",
    tag: 'arrangements',
    body: arrangementSchema,
    success: { status: 201, schema: arrangementRecordSchema },
    idempotent: true,
    errors: ['forbidden'],
  },
  listArrangements: {
    method: 'GET',
    path: '/api/arrangements',
    access: 'signed-in',
    query: arrangementListQuerySchema,
    summary: 'Arrangements, by host country or party',
    tag: 'arrangements',
    success: { status: 200, schema: arrangementListSchema },
    errors: [],
  },
  getArrangement: {
    method: 'GET',
    path: '/api/arrangements/{id}',
    access: 'signed-in',
    params: idParams,
    summary: 'One arrangement',
    tag: 'arrangements',
    success: { status: 200, schema: arrangementRecordSchema },
    errors: ['not_found'],
  },
  acceptArrangement: {
    method: 'POST',
    path: '/api/arrangements/{id}/accept',
    access: 'signed-in',
    params: idParams,
    summary: "Accept for the caller's state; in effect once every party has accepted",
    tag: 'arrangements',
    body: versionOnlySchema,
    success: { status: 200, schema: arrangementRecordSchema },
    errors: ['forbidden', 'not_found', 'stale_version', 'not_editable'],
  },
  withdrawArrangement: {
    method: 'POST',
    path: '/api/arrangements/{id}/withdraw',
    access: 'signed-in',
    params: idParams,
    summary: "Withdraw an arrangement (a party's coordinator)",
    tag: 'arrangements',
    body: versionOnlySchema,
    success: { status: 200, schema: arrangementRecordSchema },
    errors: ['forbidden', 'not_found', 'stale_version', 'not_editable'],
  },
  listSemesters: {
    method: 'GET',
    path: '/api/semesters',
    access: 'signed-in',
    summary: 'Semesters with their Presidency, status and days left',
    tag: 'semesters',
    success: { status: 200, schema: semesterListSchema },
    errors: [],
  },
  getSemester: {
    method: 'GET',
    path: '/api/semesters/{id}',
    access: 'signed-in',
    params: semesterParams,
    summary:
      'A semester: status, Presidency, days left, and per network the expected, submitted, draft and late contributions',
    tag: 'semesters',
    success: { status: 200, schema: semesterDetailSchema },
    errors: ['not_found'],
  },
  closeSemester: {
    method: 'POST',
    path: '/api/semesters/{id}/close',
    access: 'signed-in',
    params: semesterParams,
    summary:
      "Close a semester (the Commission's administrators; the schedule does it at the boundary). Idempotent; before the end only with force",
    tag: 'semesters',
    body: closeSemesterSchema,
    success: { status: 200, schema: semesterDetailSchema },
    errors: ['forbidden', 'not_found', 'semester_not_ended'],
  },
  outstandingContributions: {
    method: 'GET',
    path: '/api/contributions/outstanding',
    access: 'signed-in',
    summary: "The caller's state's contributions still to submit this semester",
    tag: 'contributions',
    success: { status: 200, schema: outstandingSchema },
    errors: [],
  },
  getContribution: {
    method: 'GET',
    path: '/api/semesters/{id}/networks/{net}/contributions/{state}',
    access: 'signed-in',
    params: contributionParams,
    summary:
      'A contribution (an empty one with the template when none exists), with the lock reason and the network records that feed it',
    tag: 'contributions',
    success: { status: 200, schema: contributionSchema },
    errors: ['forbidden', 'not_found'],
  },
  saveContribution: {
    method: 'PUT',
    path: '/api/semesters/{id}/networks/{net}/contributions/{state}',
    access: 'signed-in',
    params: contributionParams,
    summary:
      "Save the draft (that state's editors and coordinators), with the version read (0 for the first save)",
    tag: 'contributions',
    body: contributionDraftSchema,
    success: { status: 200, schema: contributionSchema },
    errors: ['forbidden', 'not_found', 'stale_version', 'already_submitted', 'semester_closed'],
  },
  submitContribution: {
    method: 'POST',
    path: '/api/semesters/{id}/networks/{net}/contributions/{state}/submit',
    access: 'signed-in',
    params: contributionParams,
    summary:
      "Submit (that state's coordinators): the template's required fields must be filled; then read-only",
    tag: 'contributions',
    body: versionOnlySchema,
    success: { status: 200, schema: contributionSchema },
    errors: ['forbidden', 'not_found', 'stale_version', 'already_submitted', 'semester_closed'],
  },
  reopenContribution: {
    method: 'POST',
    path: '/api/semesters/{id}/networks/{net}/contributions/{state}/reopen',
    access: 'signed-in',
    params: contributionParams,
    summary: 'A late-submission exception for this one contribution (the Commission, the drafting state)',
    tag: 'contributions',
    body: reopenContributionSchema,
    success: { status: 200, schema: contributionSchema },
    errors: ['forbidden', 'not_found', 'stale_version', 'not_editable'],
  },
  listReports: {
    method: 'GET',
    path: '/api/semesters/{id}/reports',
    access: 'signed-in',
    params: semesterParams,
    summary: 'One row per network report of the semester (latest version), as far as the caller may read it',
    tag: 'reports',
    success: { status: 200, schema: reportListSchema },
    errors: [],
  },
  getReport: {
    method: 'GET',
    path: '/api/semesters/{id}/reports/{net}',
    access: 'signed-in',
    params: reportParams,
    query: reportQuerySchema,
    summary:
      'A report (latest, or ?version=), with short-lived links to its JSON, HTML, PDF and DOCX files and all its versions',
    tag: 'reports',
    success: { status: 200, schema: reportSchema },
    errors: ['forbidden', 'not_found'],
  },
  getReportHtml: {
    method: 'GET',
    path: '/api/semesters/{id}/reports/{net}/html',
    access: 'signed-in',
    params: reportParams,
    query: reportQuerySchema,
    summary: 'The HTML rendering of a report (latest, or ?version=), to show inline',
    tag: 'reports',
    success: { status: 200, schema: reportHtmlSchema },
    errors: ['forbidden', 'not_found'],
  },
  saveAssessment: {
    method: 'PUT',
    path: '/api/semesters/{id}/reports/{net}/assessment',
    access: 'signed-in',
    params: reportParams,
    summary: "The drafting state's assessment (its coordinators), with the revision read",
    tag: 'reports',
    body: assessmentSchema,
    success: { status: 200, schema: reportSummarySchema },
    errors: ['forbidden', 'not_found', 'stale_version', 'not_editable'],
  },
  finaliseReport: {
    method: 'POST',
    path: '/api/semesters/{id}/reports/{net}/finalise',
    access: 'signed-in',
    params: reportParams,
    summary:
      'Finalise (drafting state coordinators): a new version with the assessment, then readable by EP, COUNCIL and EBCG',
    tag: 'reports',
    body: finaliseSchema,
    success: { status: 200, schema: reportSchema },
    errors: ['forbidden', 'not_found', 'stale_version', 'not_editable', 'conflict'],
  },
  getAnnualSummary: {
    method: 'GET',
    path: '/api/annual-summaries/{year}',
    access: 'signed-in',
    params: annualSummaryParams,
    summary: "The Commission's annual summary of the networks (EC, COUNCIL, EP), with its formats",
    tag: 'reports',
    success: { status: 200, schema: annualSummarySchema },
    errors: ['forbidden', 'not_found'],
  },
  // ---- the people directory (issue 16) ----
  listPeople: {
    method: 'GET',
    path: '/api/people',
    access: 'signed-in',
    summary:
      "The people of an organisation (a state's coordinators: their state; the EC admin: any, with ?organisation=)",
    tag: 'people',
    query: personListQuerySchema,
    success: { status: 200, schema: personListSchema },
    errors: [],
  },
  createPerson: {
    method: 'POST',
    path: '/api/people',
    access: 'signed-in',
    summary:
      "Invite a person (a state's coordinator: for its state, as editor, coordinator or reader; the EC admin: anyone). On AWS Cognito e-mails the invitation",
    tag: 'people',
    body: createPersonSchema,
    success: { status: 201, schema: personSchema },
    idempotent: true,
    errors: ['email_in_use'],
  },
  updatePerson: {
    method: 'PUT',
    path: '/api/people/{id}',
    access: 'signed-in',
    params: personIdParams,
    summary: "Change a person's role, name or language, with the version read",
    tag: 'people',
    body: updatePersonSchema,
    success: { status: 200, schema: personSchema },
    errors: ['not_found', 'stale_version', 'email_in_use', 'last_coordinator'],
  },
  disablePerson: {
    method: 'POST',
    path: '/api/people/{id}/disable',
    access: 'signed-in',
    params: personIdParams,
    summary:
      "Disable a person: its tokens are refused from the next request on (never oneself, nor a state's last coordinator)",
    tag: 'people',
    body: versionOnlySchema,
    success: { status: 200, schema: personSchema },
    errors: ['not_found', 'stale_version', 'not_editable', 'last_coordinator'],
  },
  enablePerson: {
    method: 'POST',
    path: '/api/people/{id}/enable',
    access: 'signed-in',
    params: personIdParams,
    summary: 'Enable a disabled person again',
    tag: 'people',
    body: versionOnlySchema,
    success: { status: 200, schema: personSchema },
    errors: ['not_found', 'stale_version', 'not_editable'],
  },
  updatePreferences: {
    method: 'PUT',
    path: '/api/me/preferences',
    access: 'signed-in',
    summary: "The caller's own language and notification preferences, with the version read",
    tag: 'identity',
    body: preferencesSchema,
    success: { status: 200, schema: meSchema },
    errors: ['stale_version'],
  },
  setPresidency: {
    method: 'PUT',
    path: '/api/reference/presidency/{semester}',
    access: 'signed-in',
    params: presidencyParams,
    summary:
      "Correct or add the Presidency of a semester that is not closed (the Commission's administrators); version 0 adds a semester not in the calendar yet",
    tag: 'reference',
    body: setPresidencySchema,
    success: { status: 200, schema: presidencyEntrySchema },
    errors: ['forbidden', 'stale_version', 'semester_closed'],
  },
  getReportFile: {
    method: 'GET',
    path: '/api/semesters/{id}/reports/{net}/files/{version}/{format}',
    access: 'signed-in',
    params: reportFileParams,
    summary:
      'One file of a report version: a 302 redirect to a fresh short-lived link, for whoever may read the report',
    tag: 'reports',
    success: { status: 302, schema: reportFileRedirectSchema },
    errors: ['forbidden', 'not_found'],
  },
} as const satisfies Record<string, Endpoint>;

export type EndpointId = keyof typeof endpoints;

/** A route path as a regular expression over a request's path, with its `{param}` names in order. */
export function pathPattern(path: string): { pattern: RegExp; parameterNames: string[] } {
  const parameterNames: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      const parameter = /^\{(\w+)\}$/.exec(segment);
      if (!parameter?.[1]) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      parameterNames.push(parameter[1]);
      return '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), parameterNames };
}

/**
 * Every error code an endpoint can answer: its own (`errors`) and those of the chain it runs in —
 * 400 for a malformed body, query, path or Idempotency-Key; 413 and 415 from the body reader; 401
 * without a valid token and 403 for a token whose role its organisation cannot hold; 422 for a
 * reused Idempotency-Key; 503 from any store. In `errorStatus` order.
 */
export function errorCodesOf(endpoint: Endpoint): ErrorCode[] {
  const codes = new Set<ErrorCode>(endpoint.errors);
  if (endpoint.body || endpoint.query || endpoint.params || endpoint.idempotent) codes.add('invalid_request');
  if (endpoint.body) {
    codes.add('payload_too_large');
    codes.add('unsupported_media_type');
  }
  if (endpoint.access === 'signed-in') {
    codes.add('unauthenticated');
    // The people directory's check of every signed-in request (functions/people/directory.ts).
    codes.add('account_disabled');
    codes.add('unknown_person');
    codes.add('membership_changed');
    codes.add('forbidden');
  }
  if (endpoint.idempotent) codes.add('idempotency_key_reused');
  codes.add('service_unavailable');
  return (Object.keys(errorStatus) as ErrorCode[]).filter((code) => codes.has(code));
}

export { errorBodySchema };

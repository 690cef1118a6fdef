import {
  type Contribution,
  type ContributionAction,
  type ContributionValues,
  contributionValuesSchema,
} from '#shared/contributions.ts';
import { membersInSemester, type Posting } from '#shared/networks.ts';
import { currentReportTemplateVersion, reportTemplate } from '#shared/report-templates.ts';
import { daysLeftInSemester, semester, semesterIdAt } from '#shared/semesters.ts';
import { type AuditRecord, actorOf, auditEntry, SYSTEM_ACTOR } from '../audit/audit-repository.ts';
import { feedEntries } from '../feed/feed-repository.ts';
import type { Caller } from '../lib/caller.ts';
import { AppError, forbidden, notFound, staleVersion } from '../lib/errors.ts';
import { ConditionFailed, transact } from '../lib/transactions.ts';
import { NetworkRepository } from '../networks/network-repository.ts';
import { networkInSemester } from '../networks/network-service.ts';
import { requestReportGeneration } from '../reports/generation-queue.ts';
import { requestSemesterReports } from '../reports/report-service.ts';
import { type SemesterRecord, SemesterRepository } from '../semesters/semester-repository.ts';
import { type ContributionRecord, ContributionRepository } from './contribution-repository.ts';

const isWriterOf = (caller: Caller, state: string) =>
  caller.organisation === state && (caller.role === 'editor' || caller.role === 'coordinator');
const isCommissionAdmin = (caller: Caller) => caller.organisation === 'EC' && caller.role === 'admin';

async function semesterRecord(id: string): Promise<SemesterRecord> {
  const record = await SemesterRepository.get(id);
  if (!record) throw notFound('The semester');
  return record;
}

/** Why a contribution cannot be edited now (DHIS2-style reason-specific locks), if it cannot. */
function lockOf(record: ContributionRecord | undefined, semesterStatus: SemesterRecord['status']) {
  if (record?.status === 'submitted') return 'already_submitted' as const;
  if (semesterStatus === 'closed' && record?.status !== 'reopened') return 'semester_closed' as const;
  return undefined;
}

const lockErrors = {
  already_submitted: () =>
    new AppError(
      'already_submitted',
      'This contribution has been submitted and is read-only. It can be reopened by the Commission or the drafting state.',
    ),
  semester_closed: () =>
    new AppError(
      'semester_closed',
      'The semester is closed: contributions can no longer be changed unless the Commission or the drafting state reopens this one.',
    ),
};

async function context(semesterId: string, networkId: string, state: string) {
  const [semesterStatus, network, record] = await Promise.all([
    semesterRecord(semesterId),
    networkInSemester(networkId, semesterId),
    ContributionRepository.get(semesterId, networkId, state),
  ]);
  if (!network.members.some((m) => m.state === state)) {
    throw notFound(
      `A contribution of ${state} to this network in ${semesterId} (the state had no ILO there)`,
    );
  }
  return { semesterStatus, network, record };
}

type Context = Awaited<ReturnType<typeof context>>;

function allowedActions(
  caller: Caller,
  state: string,
  { semesterStatus, network, record }: Context,
): ContributionAction[] {
  const allowed: ContributionAction[] = [];
  const lock = lockOf(record, semesterStatus.status);
  if (isWriterOf(caller, state) && !lock) allowed.push('edit');
  if (caller.organisation === state && caller.role === 'coordinator' && !lock && record)
    allowed.push('submit');
  const draftingCoordinator =
    caller.role === 'coordinator' && network.drafting?.state === caller.organisation;
  const reopenable =
    record?.status === 'submitted' || (semesterStatus.status === 'closed' && record?.status !== 'reopened');
  if ((isCommissionAdmin(caller) || draftingCoordinator) && reopenable) allowed.push('reopen');
  return allowed;
}

function present(
  caller: Caller,
  semesterId: string,
  networkId: string,
  state: string,
  ctx: Context,
): Contribution {
  const { record, semesterStatus, network } = ctx;
  const lock = lockOf(record, semesterStatus.status);
  return {
    semester: semesterId,
    networkId,
    state,
    templateVersion: record?.templateVersion ?? currentReportTemplateVersion,
    values: record?.values ?? {},
    status: record?.status ?? 'empty',
    late: record?.late ?? false,
    version: record?.version ?? 0,
    ...(record?.savedAt ? { savedAt: record.savedAt } : {}),
    ...(record?.submittedAt ? { submittedAt: record.submittedAt } : {}),
    ...(lock ? { lock } : {}),
    // The network's records feed the template's record sections read-only: nobody retypes them.
    records: {
      meetings: network.activities.filter((a) => a.kind === 'meeting'),
      trainings: network.activities.filter((a) => a.kind === 'training'),
      carrier_positions: network.activities.filter((a) => a.kind === 'carrier_position'),
      contacts: network.activities.filter((a) => a.kind === 'contact'),
      arrangements: network.arrangements,
    },
    allowed: allowedActions(caller, state, ctx),
  };
}

/** Read access: the state itself, the Commission, and the drafting state once the semester is closed. */
function requireReader(caller: Caller, state: string, ctx: Context) {
  if (caller.organisation === state || caller.organisation === 'EC') return;
  if (ctx.semesterStatus.status === 'closed' && ctx.network.drafting?.state === caller.organisation) return;
  throw forbidden(
    'A contribution is read by its own state and the Commission, and by the drafting state once the semester is closed.',
  );
}

export async function getContribution(caller: Caller, semesterId: string, networkId: string, state: string) {
  const ctx = await context(semesterId, networkId, state);
  requireReader(caller, state, ctx);
  return present(caller, semesterId, networkId, state, ctx);
}

/**
 * The contribution and its audit entry. A save or submit that only the semester's open state allows
 * checks that state in the same transaction: a close committed meanwhile refuses it (409
 * semester_closed), so nothing is submitted that the close did not see.
 */
async function write(
  caller: Caller,
  before: ContributionRecord | undefined,
  after: ContributionRecord,
  action: string,
  lockedByClose: boolean,
  reportOwed = false,
) {
  const semesterCheck = lockedByClose ? [SemesterRepository.openCheck(after.semester)] : [];
  const contribution = ContributionRepository.put(after, before?.version, reportOwed);
  try {
    await transact([
      ...contribution,
      auditEntry({
        kind: 'contribution',
        entityId: `${after.semester}.${after.networkId}.${after.state}`,
        owner: after.state,
        action,
        at: after.savedAt,
        actor: actorOf(caller),
        ...(before
          ? { before: { status: before.status, version: before.version, values: before.values } }
          : {}),
        after: { status: after.status, version: after.version, values: after.values },
      }),
      ...semesterCheck,
    ]);
  } catch (error) {
    // The items: the contribution's, then the audit entry, then the semester check.
    if (error instanceof ConditionFailed && error.index === contribution.length + 1)
      throw lockErrors.semester_closed();
    if (error instanceof ConditionFailed) throw staleVersion('this contribution');
    throw error;
  }
}

export async function saveContribution(
  caller: Caller,
  semesterId: string,
  networkId: string,
  state: string,
  input: { templateVersion: number; version: number; values: ContributionValues },
  now: Date,
) {
  if (!isWriterOf(caller, state))
    throw forbidden(`Only the editors and coordinators of ${state} write its contribution.`);
  const ctx = await context(semesterId, networkId, state);
  const lock = lockOf(ctx.record, ctx.semesterStatus.status);
  if (lock) throw lockErrors[lock]();
  if ((ctx.record?.version ?? 0) !== input.version)
    throw staleVersion('this contribution', ctx.record?.version);
  if (ctx.record && ctx.record.templateVersion !== input.templateVersion) {
    throw new AppError('invalid_request', 'This contribution is written against another template version.', {
      templateVersion: `Use version ${ctx.record.templateVersion}`,
    });
  }
  const at = now.toISOString();
  const after: ContributionRecord = {
    semester: semesterId,
    networkId,
    state,
    templateVersion: input.templateVersion,
    values: input.values,
    status: ctx.record?.status === 'reopened' ? 'reopened' : 'draft',
    late: ctx.record?.late ?? false,
    version: input.version + 1,
    savedAt: at,
    savedBy: caller.subject,
    ...(ctx.record?.submittedAt ? { submittedAt: ctx.record.submittedAt } : {}),
    ...(ctx.record?.reopenedAt ? { reopenedAt: ctx.record.reopenedAt } : {}),
  };
  await write(caller, ctx.record, after, 'saved', ctx.semesterStatus.status === 'open');
  return present(caller, semesterId, networkId, state, { ...ctx, record: after });
}

export async function submitContribution(
  caller: Caller,
  semesterId: string,
  networkId: string,
  state: string,
  version: number,
  now: Date,
) {
  if (caller.organisation !== state || caller.role !== 'coordinator') {
    throw forbidden(`Only the coordinators of ${state} submit its contribution.`);
  }
  const ctx = await context(semesterId, networkId, state);
  const lock = lockOf(ctx.record, ctx.semesterStatus.status);
  if (lock) throw lockErrors[lock]();
  if (!ctx.record)
    throw new AppError('invalid_request', 'Save the contribution before submitting it.', {
      values: 'empty',
    });
  if (ctx.record.version !== version) throw staleVersion('this contribution', ctx.record.version);
  const template = reportTemplate(ctx.record.templateVersion);
  const parsed = template
    ? contributionValuesSchema(template, 'submission').safeParse(ctx.record.values)
    : undefined;
  if (parsed && !parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[['values', ...issue.path].join('.')] ??= issue.message;
    throw new AppError('invalid_request', 'Complete the required fields before submitting.', fields);
  }
  const at = now.toISOString();
  const after: ContributionRecord = {
    ...ctx.record,
    status: 'submitted',
    late: ctx.semesterStatus.status === 'closed',
    version: ctx.record.version + 1,
    savedAt: at,
    savedBy: caller.subject,
    submittedAt: at,
  };
  // A late contribution accepted under an exception makes a new version of the closed semester's
  // report: owed from the write on, until the request is sent (or sent by the next scheduled run).
  await write(
    caller,
    ctx.record,
    after,
    after.late ? 'submitted_late' : 'submitted',
    !after.late,
    after.late,
  );
  if (after.late) await requestOwedReport(after);
  return present(caller, semesterId, networkId, state, { ...ctx, record: after });
}

/** A late-submission exception for one contribution: the Commission or the drafting state's coordinator. */
export async function reopenContribution(
  caller: Caller,
  semesterId: string,
  networkId: string,
  state: string,
  version: number,
  now: Date,
) {
  const ctx = await context(semesterId, networkId, state);
  if (!allowedActions(caller, state, ctx).includes('reopen')) {
    const mayReopen =
      isCommissionAdmin(caller) ||
      (caller.role === 'coordinator' && ctx.network.drafting?.state === caller.organisation);
    if (!mayReopen) throw forbidden('A contribution is reopened by the Commission or the drafting state.');
    throw new AppError('not_editable', 'This contribution is open for editing already.');
  }
  if ((ctx.record?.version ?? 0) !== version) throw staleVersion('this contribution', ctx.record?.version);
  const at = now.toISOString();
  const after: ContributionRecord = {
    semester: semesterId,
    networkId,
    state,
    templateVersion: ctx.record?.templateVersion ?? currentReportTemplateVersion,
    values: ctx.record?.values ?? {},
    status: 'reopened',
    late: ctx.record?.late ?? false,
    version: version + 1,
    savedAt: at,
    savedBy: caller.subject,
    reopenedAt: at,
    ...(ctx.record?.submittedAt ? { submittedAt: ctx.record.submittedAt } : {}),
  };
  // A reopening is allowed before and after the close alike.
  await write(caller, ctx.record, after, 'reopened', false);
  return present(caller, semesterId, networkId, state, { ...ctx, record: after });
}

// ---- semesters ---------------------------------------------------------------------------------

function summary(record: SemesterRecord, now: Date) {
  const { id, start, end } = semester(record.semester);
  return {
    id,
    start,
    end,
    presidency: record.presidency,
    status: record.status,
    ...(record.closedAt ? { closedAt: record.closedAt } : {}),
    daysLeft: daysLeftInSemester(id, now),
  };
}

export async function listSemesters(now: Date) {
  return { items: (await SemesterRepository.list()).map((record) => summary(record, now)) };
}

/** Expected contributions come from membership: every state with an ILO in the network during the semester. */
function expectedByNetwork(postings: readonly Posting[], semesterId: string): Map<string, string[]> {
  const byHost = new Map<string, Posting[]>();
  for (const posting of postings)
    byHost.set(posting.hostCountry, [...(byHost.get(posting.hostCountry) ?? []), posting]);
  const expected = new Map<string, string[]>();
  for (const [hostCountry, list] of byHost) {
    const members = membersInSemester(list, semesterId).map((m) => m.state);
    if (members.length > 0) expected.set(hostCountry, members);
  }
  return expected;
}

export async function semesterDetail(semesterId: string, now: Date) {
  const record = await semesterRecord(semesterId);
  const [postings, contributions] = await Promise.all([
    NetworkRepository.allPostings(),
    ContributionRepository.forSemester(semesterId),
  ]);
  const closed = record.status === 'closed';
  const networks = [...expectedByNetwork(postings, semesterId).entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([networkId, expected]) => {
      const mine = contributions.filter((c) => c.networkId === networkId && expected.includes(c.state));
      const submitted = mine.filter((c) => c.status === 'submitted').map((c) => c.state);
      return {
        networkId,
        expected,
        submitted,
        drafts: mine.filter((c) => c.status !== 'submitted').map((c) => c.state),
        // Late: submitted under an exception, or still missing once the semester is closed.
        late: closed
          ? expected.filter((s) => !submitted.includes(s) || mine.some((c) => c.state === s && c.late))
          : mine.filter((c) => c.late).map((c) => c.state),
      };
    });
  return { ...summary(record, now), networks };
}

/** The caller's state's contributions still to submit in the current semester. */
export async function outstandingContributions(caller: Caller, now: Date) {
  const semesterId = semesterIdAt(now);
  const [postings, mine, record] = await Promise.all([
    NetworkRepository.allPostings(),
    ContributionRepository.forState(caller.organisation, semesterId),
    SemesterRepository.get(semesterId),
  ]);
  // Closed early: nothing can be submitted any more (a reopened one is reached from the semester page).
  if (record?.status === 'closed') return { items: [] };
  const networks = [...expectedByNetwork(postings, semesterId).entries()]
    .filter(([, expected]) => expected.includes(caller.organisation))
    .map(([networkId]) => networkId)
    .sort();
  const daysLeft = daysLeftInSemester(semesterId, now);
  return {
    items: networks
      .map((networkId) => ({ networkId, record: mine.find((c) => c.networkId === networkId) }))
      .filter(({ record }) => record?.status !== 'submitted')
      .map(({ networkId, record }) => ({
        semester: semesterId,
        networkId,
        status: record?.status ?? ('empty' as const),
        daysLeft,
      })),
  };
}

/**
 * Closes a semester (EC admins, and the schedule). Idempotent: a second or concurrent close finds it
 * closed and answers the same. Unsubmitted drafts stay as they are: they count as missing and late.
 */
export async function closeSemester(
  caller: Caller | 'schedule',
  semesterId: string,
  force: boolean,
  now: Date,
) {
  if (caller !== 'schedule' && !isCommissionAdmin(caller)) {
    throw forbidden("Semesters are closed by the schedule or by the Commission's administrators.");
  }
  const record = await semesterRecord(semesterId);
  if (record.status === 'open') {
    const ended = now.getTime() >= Date.parse(semester(semesterId).endsAt);
    if (!ended && !force) {
      throw new AppError(
        'semester_not_ended',
        `Semester ${semesterId} ends on ${semester(semesterId).end}; close it earlier only with { "force": true }.`,
      );
    }
    const at = now.toISOString();
    const actor = caller === 'schedule' ? SYSTEM_ACTOR : actorOf(caller);
    if (await SemesterRepository.close(semesterId, at, [closeAudit(semesterId, at, actor)]))
      await requestReportsOfClose(semesterId);
  } else if (record.reportsPending) {
    // Closed, but the reports were never asked for (the close's request failed): ask now.
    await requestReportsOfClose(semesterId);
  }
  return semesterDetail(semesterId, now);
}

async function requestOwedReport(
  owed: Pick<ContributionRecord, 'semester' | 'networkId' | 'state' | 'version'>,
) {
  await requestReportGeneration([{ semester: owed.semester, networkId: owed.networkId }]);
  await ContributionRepository.reportRequested(owed);
}

/**
 * After a close: one generation request per network, then the mark that they were sent. Should the
 * requests fail (or the process die) in between, `reportsPending` stays and a later close or
 * scheduled run sends them again; generation is idempotent, so a repeat adds nothing.
 */
async function requestReportsOfClose(semesterId: string): Promise<void> {
  await requestSemesterReports(semesterId);
  await SemesterRepository.reportsRequested(semesterId);
}

/** The audit entry of a close, landing with it: who closed the semester, and when. */
function closeAudit(semesterId: string, at: string, actor: AuditRecord['actor']) {
  return auditEntry({
    kind: 'semester',
    entityId: semesterId,
    owner: 'EC',
    action: 'semester_closed',
    at,
    actor,
    before: { status: 'open' },
    after: { status: 'closed', closedAt: at },
  });
}

/**
 * The schedule's close: every ended semester still open, and the reports of any close or late
 * submission whose request was lost. Answers the semesters this run closed.
 */
export async function closeEndedSemesters(now: Date): Promise<string[]> {
  const semesters = await SemesterRepository.list();
  const due = semesters.filter(
    (record) => record.status === 'open' && Date.parse(semester(record.semester).endsAt) <= now.getTime(),
  );
  const closed: string[] = [];
  for (const record of due) {
    // Only the run that closed it asks for the reports; a retried request changes nothing anyway.
    const at = now.toISOString();
    if (
      await SemesterRepository.close(record.semester, at, [closeAudit(record.semester, at, SYSTEM_ACTOR)])
    ) {
      closed.push(record.semester);
      await requestReportsOfClose(record.semester);
    }
  }
  for (const record of semesters.filter((r) => r.status === 'closed' && r.reportsPending))
    await requestReportsOfClose(record.semester);
  for (const owed of await ContributionRepository.owedReports()) await requestOwedReport(owed);
  return closed;
}

/** Reminders go out this many days before a semester ends (and late, if the job missed the day). */
export const REMINDER_DAYS = [14, 3] as const;

/**
 * Job (daily): a reminder feed entry to every state with contributions still to submit, 14 and 3
 * days before the semester ends. The marker item and the entries are one transaction, and the marker
 * is a conditional create, so a second run (or two at once) sends nothing more.
 */
export async function sendContributionReminders(now: Date): Promise<{ sent: number; threshold?: number }> {
  const semesterId = semesterIdAt(now);
  const daysLeft = daysLeftInSemester(semesterId, now);
  // The most urgent threshold reached; a missed earlier one is not sent as well.
  const threshold = [...REMINDER_DAYS].sort((a, b) => a - b).find((days) => daysLeft <= days);
  if (threshold === undefined || daysLeft === 0) return { sent: 0 };
  const [postings, contributions] = await Promise.all([
    NetworkRepository.allPostings(),
    ContributionRepository.forSemester(semesterId),
  ]);
  const outstanding = new Map<string, string[]>();
  for (const [networkId, expected] of expectedByNetwork(postings, semesterId)) {
    for (const state of expected) {
      const submitted = contributions.some(
        (c) => c.networkId === networkId && c.state === state && c.status === 'submitted',
      );
      if (!submitted) outstanding.set(state, [...(outstanding.get(state) ?? []), networkId]);
    }
  }
  const at = now.toISOString();
  const entries = [...outstanding.entries()].flatMap(([state, networks]) =>
    feedEntries([state], {
      kind: 'contribution_reminder',
      at,
      from: 'EC',
      reminder: { semester: semesterId, daysLeft, networks },
    }),
  );
  try {
    // At most 31 states plus the marker: one transaction of at most 100 items.
    await transact([SemesterRepository.reminderMarker(semesterId, threshold, at), ...entries]);
  } catch (error) {
    if (error instanceof ConditionFailed) return { sent: 0, threshold };
    throw error;
  }
  return { sent: entries.length, threshold };
}

import {
  type Contribution,
  type ContributionValues,
  contributionValuesSchema,
  type UnsettledEntries,
  unsettledFieldId,
} from '#shared/contributions.ts';
import { currentReportTemplateVersion, reportTemplate } from '#shared/report-templates.ts';
import { daysLeftInSemester, semesterIdAt } from '#shared/semesters.ts';
import { actorOf, auditEntry } from '../audit/audit-repository.ts';
import type { Caller } from '../lib/caller.ts';
import { AppError, forbidden, invalidFields, invalidInput, notFound, staleVersion } from '../lib/errors.ts';
import { ConditionFailed, transact } from '../lib/transactions.ts';
import { NetworkRepository } from '../networks/network-repository.ts';
import { networkInSemester } from '../networks/network-service.ts';
import { requestReportGeneration } from '../reports/generation-queue.ts';
import { SemesterRepository } from '../semesters/semester-repository.ts';
import {
  allowedOnContribution,
  type ContributionLock,
  type ContributionSituation,
  lockOf,
  readsContributionOf,
  reopensContributions,
  submitsContributionOf,
  writesContributionOf,
} from './contribution-policy.ts';
import { type ContributionRecord, ContributionRepository } from './contribution-repository.ts';
import { expectedByNetwork } from './expected-contributions.ts';

const lockErrors: Record<ContributionLock, () => AppError> = {
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
  const [semester, network, record] = await Promise.all([
    SemesterRepository.get(semesterId),
    networkInSemester(networkId, semesterId),
    ContributionRepository.get(semesterId, networkId, state),
  ]);
  if (!semester) throw notFound('The semester');
  if (!network.members.some((m) => m.state === state)) {
    throw notFound(
      `A contribution of ${state} to this network in ${semesterId} (the state had no ILO there)`,
    );
  }
  return { semester, network, record };
}

type Context = Awaited<ReturnType<typeof context>>;

/** What the policy looks at, from what the use case loaded. */
const situationOf = ({ semester, network, record }: Context): ContributionSituation => ({
  semesterStatus: semester.status,
  draftingState: network.drafting?.state,
  record,
});

function present(
  caller: Caller,
  semesterId: string,
  networkId: string,
  state: string,
  ctx: Context,
): Contribution {
  const { record, semester, network } = ctx;
  const lock = lockOf(record, semester.status);
  return {
    semester: semesterId,
    networkId,
    state,
    templateVersion: record?.templateVersion ?? currentReportTemplateVersion,
    values: record?.values ?? {},
    ...(record?.unsettled && Object.keys(record.unsettled).length > 0 ? { unsettled: record.unsettled } : {}),
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
    allowed: allowedOnContribution(caller, state, situationOf(ctx)),
  };
}

function requireReader(caller: Caller, state: string, ctx: Context) {
  if (readsContributionOf(caller, state, situationOf(ctx))) return;
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
  input: {
    templateVersion: number;
    version: number;
    values: ContributionValues;
    /** Entries not valid yet, as typed: they replace those saved before (none: all settled). */
    unsettled?: UnsettledEntries;
  },
  now: Date,
) {
  if (!writesContributionOf(caller, state))
    throw forbidden(`Only the editors and coordinators of ${state} write its contribution.`);
  const ctx = await context(semesterId, networkId, state);
  const lock = lockOf(ctx.record, ctx.semester.status);
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
    ...(input.unsettled && Object.keys(input.unsettled).length > 0 ? { unsettled: input.unsettled } : {}),
    status: ctx.record?.status === 'reopened' ? 'reopened' : 'draft',
    late: ctx.record?.late ?? false,
    version: input.version + 1,
    savedAt: at,
    savedBy: caller.subject,
    ...(ctx.record?.submittedAt ? { submittedAt: ctx.record.submittedAt } : {}),
    ...(ctx.record?.reopenedAt ? { reopenedAt: ctx.record.reopenedAt } : {}),
  };
  await write(caller, ctx.record, after, 'saved', ctx.semester.status === 'open');
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
  if (!submitsContributionOf(caller, state)) {
    throw forbidden(`Only the coordinators of ${state} submit its contribution.`);
  }
  const ctx = await context(semesterId, networkId, state);
  const lock = lockOf(ctx.record, ctx.semester.status);
  if (lock) throw lockErrors[lock]();
  if (!ctx.record)
    throw new AppError('invalid_request', 'Save the contribution before submitting it.', {
      values: 'empty',
    });
  if (ctx.record.version !== version) throw staleVersion('this contribution', ctx.record.version);
  const template = reportTemplate(ctx.record.templateVersion);
  const unsettled = Object.entries(ctx.record.unsettled ?? {});
  const parsed = template
    ? contributionValuesSchema(template, 'submission').safeParse(ctx.record.values)
    : undefined;
  if (unsettled.length > 0) {
    // Each entry still to correct, by its form path; the values' own problems, of the other fields.
    const fields: Record<string, string> = Object.fromEntries(
      unsettled.map(([path, typed]) => [`unsettled.${path}`, `Not valid yet: “${typed.slice(0, 60)}”`]),
    );
    const unsettledFields = new Set(
      unsettled.map(([path]) => (template ? unsettledFieldId(template, path) : undefined) ?? path),
    );
    for (const issue of parsed && !parsed.success ? parsed.error.issues : []) {
      const [fieldId] = issue.path;
      if (typeof fieldId === 'string' && unsettledFields.has(fieldId)) continue;
      const key = ['values', ...issue.path.map(String)].join('.');
      fields[key] ??= issue.message;
    }
    throw invalidInput(
      `Correct the ${unsettled.length === 1 ? 'entry' : `${unsettled.length} entries`} not valid yet before submitting.`,
      fields,
    );
  }
  if (parsed && !parsed.success)
    throw invalidFields('Complete the required fields before submitting.', 'values', parsed.error);
  const at = now.toISOString();
  const after: ContributionRecord = {
    ...ctx.record,
    status: 'submitted',
    late: ctx.semester.status === 'closed',
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
  if (!allowedOnContribution(caller, state, situationOf(ctx)).includes('reopen')) {
    if (!reopensContributions(caller, ctx.network.drafting?.state))
      throw forbidden('A contribution is reopened by the Commission or the drafting state.');
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

/** A late submission's new report version: asked for, then the mark that it is owed is cleared. */
export async function requestOwedReport(
  owed: Pick<ContributionRecord, 'semester' | 'networkId' | 'state' | 'version'>,
) {
  await requestReportGeneration([{ semester: owed.semester, networkId: owed.networkId }]);
  await ContributionRepository.reportRequested(owed);
}

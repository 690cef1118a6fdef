import { lateStates } from '#shared/contributions.ts';
import { daysLeftInSemester, semester, semesterIdAt } from '#shared/semesters.ts';
import { type AuditRecord, actorOf, auditEntry, SYSTEM_ACTOR } from '../audit/audit-repository.ts';
import { ContributionRepository } from '../contributions/contribution-repository.ts';
import { requestOwedReport } from '../contributions/contribution-service.ts';
import { expectedByNetwork } from '../contributions/expected-contributions.ts';
import { feedEntries } from '../feed/feed-repository.ts';
import type { Caller } from '../lib/caller.ts';
import { AppError, forbidden, notFound } from '../lib/errors.ts';
import { ConditionFailed, transact } from '../lib/transactions.ts';
import { NetworkRepository } from '../networks/network-repository.ts';
import { requestSemesterReports } from '../reports/report-service.ts';
import { closesSemesters } from './semester-policy.ts';
import { type SemesterRecord, SemesterRepository } from './semester-repository.ts';

/**
 * The semester lifecycle: the list and the detail (expected, submitted, late contributions), the
 * close (by the Commission or the schedule) with its report requests, and the reminders before the end.
 */

async function semesterRecord(id: string): Promise<SemesterRecord> {
  const record = await SemesterRepository.get(id);
  if (!record) throw notFound('The semester');
  return record;
}

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
        late: lateStates({ expected, contributions: mine, closed }),
      };
    });
  return { ...summary(record, now), networks };
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
  if (caller !== 'schedule' && !closesSemesters(caller)) {
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

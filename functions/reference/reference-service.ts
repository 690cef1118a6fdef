import { type Reference, referenceSchema } from '#shared/api/schemas.ts';
import {
  defaultPresidencyCalendar,
  PRESIDENCY_MAX_YEARS_AHEAD,
  presidencyGaps,
} from '#shared/reference/presidency.ts';
import { hostCountries, participatingStates, type StateCode } from '#shared/reference/states.ts';
import { reportTemplates } from '#shared/report-templates.ts';
import { type SemesterId, semester, semesterIdAt } from '#shared/semesters.ts';
import { actorOf, auditEntry } from '../audit/audit-repository.ts';
import type { Caller } from '../lib/caller.ts';
import { AppError, forbidden, invalidInput, staleVersion } from '../lib/errors.ts';
import { ConditionFailed } from '../lib/transactions.ts';
import { SemesterRepository } from '../semesters/semester-repository.ts';
import { setsPresidency } from './reference-policy.ts';

/** Reference data for every screen: states, host countries, the stored semester calendar, templates. */
export async function referenceData(now: Date): Promise<Reference> {
  const stored = await SemesterRepository.list();
  return {
    states: participatingStates.map(({ code, name, bound }) => ({ code, name, bound })),
    hostCountries: hostCountries.map(({ code, name }) => ({ code, name })),
    semesters: stored.map((record) => {
      const { id, start, end, startsAt, endsAt } = semester(record.semester);
      const { presidency, status, version } = record;
      return { id, start, end, startsAt, endsAt, presidency, status, version };
    }),
    currentSemester: semesterIdAt(now),
    presidencyGaps: presidencyGaps(new Set(stored.map((record) => record.semester)), now),
    // The template is readonly data; the answer is a copy of it, checked against the contract.
    reportTemplates: referenceSchema.shape.reportTemplates.parse(reportTemplates),
  };
}

/** Seeds the Presidency calendar from the defaults in shared/; idempotent, and keeps corrections. */
export async function seedReferenceData(now: Date): Promise<{ created: number }> {
  let created = 0;
  const entries = Object.entries(defaultPresidencyCalendar) as [SemesterId, StateCode][];
  const results = await Promise.all(
    entries.map(([id, presidency]) => SemesterRepository.createIfAbsent(id, presidency, now)),
  );
  for (const wasNew of results) if (wasNew) created += 1;
  return { created };
}

/**
 * Corrects or adds the Presidency of a semester that is not closed (EC admins). The networks' drafting
 * state follows, since it is derived from the stored calendar until the close settles it. Audited.
 */
export async function setPresidency(
  caller: Caller,
  semesterId: SemesterId,
  input: { state: StateCode; version: number },
  now: Date,
) {
  if (!setsPresidency(caller))
    throw forbidden("The Presidency calendar is kept by the Commission's administrators.");
  const stored = await SemesterRepository.get(semesterId);
  if (stored?.status === 'closed') throw presidencyLocked(semesterId);
  if (!stored) requireAddable(semesterId, now);
  const currentVersion = stored?.version ?? 0;
  if (input.version !== currentVersion) throw staleVersion(`the Presidency of ${semesterId}`, currentVersion);
  const at = now.toISOString();
  const audit = auditEntry({
    kind: 'semester',
    entityId: semesterId,
    owner: 'EC',
    action: stored ? 'presidency_corrected' : 'presidency_added',
    at,
    actor: actorOf(caller),
    // An added semester had nothing before, like every create.
    ...(stored ? { before: { presidency: stored.presidency } } : {}),
    after: { presidency: input.state },
  });
  try {
    await SemesterRepository.setPresidency(semesterId, input.state, input.version, at, [audit]);
  } catch (error) {
    if (!(error instanceof ConditionFailed && error.index === 0)) throw error;
    // Closed or changed between the read and the write: say which.
    const latest = await SemesterRepository.get(semesterId);
    if (latest?.status === 'closed') throw presidencyLocked(semesterId);
    throw staleVersion(`the Presidency of ${semesterId}`, latest?.version);
  }
  return {
    semester: semesterId,
    presidency: input.state,
    status: 'open' as const,
    version: currentVersion + 1,
  };
}

const presidencyLocked = (semesterId: string) =>
  new AppError(
    'semester_closed',
    `Semester ${semesterId} is closed: its Presidency, and the drafting states derived from it, are settled.`,
  );

/** A semester not stored yet may be added while it has not ended, and not absurdly far ahead. */
function requireAddable(semesterId: SemesterId, now: Date) {
  if (Date.parse(semester(semesterId).endsAt) <= now.getTime())
    throw invalidInput(`Semester ${semesterId} has ended; it cannot be added to the calendar.`, {
      semester: 'Ended before it had a Presidency',
    });
  if (semester(semesterId).year > semester(semesterIdAt(now)).year + PRESIDENCY_MAX_YEARS_AHEAD)
    throw invalidInput(`The calendar reaches at most ${PRESIDENCY_MAX_YEARS_AHEAD} years ahead.`, {
      semester: `At most ${PRESIDENCY_MAX_YEARS_AHEAD} years ahead`,
    });
}

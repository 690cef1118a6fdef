import { addMonths } from '#shared/dates.ts';
import type { FeedKind } from '#shared/feed.ts';
import { stateCodes } from '#shared/reference/states.ts';
import {
  phaseOf,
  type Secondment,
  type SecondmentAction,
  type SecondmentFields,
  type SecondmentHistory,
} from '#shared/secondments.ts';
import { brusselsDate } from '#shared/semesters.ts';
import { actorOf, auditEntry, SYSTEM_ACTOR } from '../audit/audit-repository.ts';
import { feedEntries } from '../feed/feed-repository.ts';
import type { Caller } from '../lib/caller.ts';
import { config } from '../lib/config.ts';
import { AppError, forbidden, notFound, staleVersion } from '../lib/errors.ts';
import { type Idempotency, noIdempotency } from '../lib/idempotency.ts';
import { newId } from '../lib/ids.ts';
import { ConditionFailed, type TransactItem, transact } from '../lib/transactions.ts';
import { postingWrites } from '../networks/network-repository.ts';
import {
  allowedActions,
  canSee,
  canSeeOfficer,
  readsNotifiedSecondments,
  seesDraftsOf,
  writesSecondments,
  writesSecondmentsOf,
} from './secondment-policy.ts';
import {
  type ListFilter,
  type OfficerRecord,
  type SecondmentRecord,
  SecondmentRepository,
  secondmentWrites,
  type VersionRecord,
} from './secondment-repository.ts';

type Officer = SecondmentFields['officer'];

/** Every other participating state, the Commission and the Council are informed (Art. 3). */
function addresseesOf(state: string): string[] {
  return [...stateCodes.filter((code) => code !== state), 'EC', 'COUNCIL'];
}

function present(
  record: SecondmentRecord,
  caller: Caller,
  today: string,
  officer?: OfficerRecord,
): Secondment & { allowed: SecondmentAction[] } {
  const showsOfficer = officer !== undefined && canSeeOfficer(caller);
  return {
    ...record,
    ...(showsOfficer && officer.name
      ? {
          officer: {
            name: officer.name,
            ...(officer.email ? { email: officer.email } : {}),
            ...(officer.phone ? { phone: officer.phone } : {}),
          },
        }
      : {}),
    ...(showsOfficer && officer.erasedAt ? { officerErasedAt: officer.erasedAt } : {}),
    ...(record.status === 'notified' || record.status === 'ended' ? { phase: phaseOf(record, today) } : {}),
    allowed: allowedActions(caller, record, today),
  };
}

function officerRecord(officer: Officer, record: SecondmentRecord, at: string): OfficerRecord {
  const { name, email, phone } = officer;
  const lastDay = record.status === 'withdrawn' ? at.slice(0, 10) : record.endDate;
  return {
    name,
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    ...(lastDay ? { eraseFrom: addMonths(lastDay, config().PERSONAL_DATA_RETENTION_MONTHS) } : {}),
  };
}

function sameOfficer(a: OfficerRecord | undefined, b: Officer): boolean {
  return a?.name === b.name && (a?.email ?? undefined) === b.email && (a?.phone ?? undefined) === b.phone;
}

async function loadForChange(caller: Caller, id: string, version: number): Promise<SecondmentRecord> {
  const record = await SecondmentRepository.get(id);
  if (!record || !canSee(caller, record)) throw notFound('The secondment');
  if (!writesSecondmentsOf(caller, record.state)) {
    throw forbidden("Only the seconding state's editors and coordinators can change this secondment.");
  }
  if (record.version !== version) throw staleVersion('this secondment', record.version);
  return record;
}

function requireAction(
  caller: Caller,
  record: SecondmentRecord,
  action: SecondmentAction,
  today: string,
  why: string,
) {
  if (!allowedActions(caller, record, today).includes(action)) throw new AppError('not_editable', why);
}

interface VersionWrite {
  caller: Caller;
  before: SecondmentRecord | undefined;
  after: SecondmentRecord;
  action: VersionRecord['action'];
  at: string;
  officer?: OfficerRecord;
  officerChanged?: boolean;
  feed?: FeedKind;
  /** More items of the same transaction (the answer stored for an Idempotency-Key). */
  with?: TransactItem[];
}

/**
 * Keeps network membership current in the same transaction: a notified or ended secondment has a
 * posting in its host country's network; a draft or a withdrawn one has none; a move changes network.
 */
function postingChanges(before: SecondmentRecord | undefined, after: SecondmentRecord): TransactItem[] {
  const posted = (record: SecondmentRecord | undefined) =>
    record !== undefined && (record.status === 'notified' || record.status === 'ended');
  const changes: TransactItem[] = [];
  if (posted(before) && before && (!posted(after) || before.hostCountry !== after.hostCountry)) {
    changes.push(postingWrites.delete(before.hostCountry, before.id));
  }
  if (posted(after)) {
    const { id, state, hostCountry, startDate, endDate, post } = after;
    changes.push(
      postingWrites.put({
        secondmentId: id,
        state,
        hostCountry,
        startDate,
        city: post.city,
        ...(endDate ? { endDate } : {}),
      }),
    );
  }
  return changes;
}

/** One version: current item, version row, audit entry, officer item and feed entries, all or nothing. */
async function writeVersion({
  caller,
  before,
  after,
  action,
  at,
  officer,
  officerChanged,
  feed,
  with: alongside = [],
}: VersionWrite) {
  const actor = { organisation: caller.organisation, ...(caller.name ? { name: caller.name } : {}) };
  const items: TransactItem[] = [
    secondmentWrites.putCurrent(after, before?.version),
    secondmentWrites.putVersion({ version: after.version, action, at, actor, secondment: after }),
    auditEntry({
      kind: 'secondment',
      entityId: after.id,
      owner: after.state,
      action,
      at,
      actor: actorOf(caller),
      ...(before ? { before } : {}),
      // Personal data stays out of the audit trail, which is kept after the officer's data is erased.
      after: { ...after, ...(officerChanged ? { officerChanged: true } : {}) },
    }),
  ];
  if (officer) items.push(secondmentWrites.putOfficer(after.id, officer));
  items.push(...postingChanges(before, after));
  if (feed) {
    items.push(
      ...feedEntries(addresseesOf(after.state), {
        kind: feed,
        at,
        from: after.state,
        secondment: {
          id: after.id,
          hostCountry: after.hostCountry,
          city: after.post.city,
          startDate: after.startDate,
          ...(after.endDate ? { endDate: after.endDate } : {}),
          version: after.version,
        },
      }),
    );
  }
  items.push(...alongside);
  try {
    await transact(items);
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) {
      const current = await SecondmentRepository.get(after.id);
      throw staleVersion('this secondment', current?.version);
    }
    throw error;
  }
}

export async function createSecondment(
  caller: Caller,
  fields: SecondmentFields,
  now: Date,
  idempotency: Idempotency = noIdempotency,
) {
  if (!writesSecondments(caller)) {
    throw forbidden("Only a participating state's editors and coordinators notify secondments.");
  }
  const at = now.toISOString();
  const { officer, ...rest } = fields;
  const record: SecondmentRecord = {
    ...rest,
    id: newId(),
    state: caller.organisation,
    status: 'draft',
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const officerItem = officerRecord(officer, record, at);
  const answer = present(record, caller, brusselsDate(now), officerItem);
  await writeVersion({
    caller,
    before: undefined,
    after: record,
    action: 'created',
    at,
    officer: officerItem,
    // The officer's contact lives only in the OFFICER item: a replay echoes it from the same request.
    with: idempotency.record(answer, { fromRequest: ['officer'] }),
  });
  return answer;
}

export async function getSecondment(caller: Caller, id: string, now: Date) {
  if (!readsNotifiedSecondments(caller))
    throw forbidden('Your organisation does not receive secondment notifications.');
  const record = await SecondmentRepository.get(id);
  if (!record || !canSee(caller, record)) throw notFound('The secondment');
  const officer = canSeeOfficer(caller) ? await SecondmentRepository.getOfficer(id) : undefined;
  return present(record, caller, brusselsDate(now), officer);
}

export async function listSecondments(
  caller: Caller,
  query: Omit<ListFilter, 'today' | 'draftsOf'> & { limit: number; cursor?: string | undefined },
  now: Date,
) {
  if (!readsNotifiedSecondments(caller))
    throw forbidden('Your organisation does not receive secondment notifications.');
  const today = brusselsDate(now);
  const { limit, cursor, ...filter } = query;
  const page = await SecondmentRepository.list(
    { ...filter, today, draftsOf: caller.organisation },
    limit,
    cursor,
  );
  return { items: page.items.map((record) => present(record, caller, today)), nextCursor: page.nextCursor };
}

export async function updateSecondment(
  caller: Caller,
  id: string,
  input: SecondmentFields & { version: number },
  now: Date,
) {
  const { version, officer, ...fields } = input;
  const before = await loadForChange(caller, id, version);
  const today = brusselsDate(now);
  requireAction(
    caller,
    before,
    'edit',
    today,
    `A secondment that is ${before.status} can no longer be edited.`,
  );
  const at = now.toISOString();
  const after: SecondmentRecord = {
    ...fields,
    id,
    state: before.state,
    status: before.status,
    version: before.version + 1,
    createdAt: before.createdAt,
    updatedAt: at,
    ...(before.notifiedAt ? { notifiedAt: before.notifiedAt } : {}),
  };
  const previousOfficer = await SecondmentRepository.getOfficer(id);
  const officerItem = officerRecord(officer, after, at);
  const notified = before.status !== 'draft';
  await writeVersion({
    caller,
    before,
    after,
    action: notified ? 'amended' : 'updated',
    at,
    officer: officerItem,
    officerChanged: !sameOfficer(previousOfficer, officer),
    ...(notified ? { feed: 'secondment_amended' as const } : {}),
  });
  return present(after, caller, today, officerItem);
}

export async function notifySecondment(caller: Caller, id: string, version: number, now: Date) {
  const before = await loadForChange(caller, id, version);
  const today = brusselsDate(now);
  requireAction(caller, before, 'notify', today, 'This secondment has already been notified.');
  const at = now.toISOString();
  const after: SecondmentRecord = {
    ...before,
    status: 'notified',
    version: before.version + 1,
    updatedAt: at,
    notifiedAt: at,
  };
  await writeVersion({ caller, before, after, action: 'notified', at, feed: 'secondment_notified' });
  return present(after, caller, today, await SecondmentRepository.getOfficer(id));
}

export async function endSecondment(
  caller: Caller,
  id: string,
  input: { version: number; endDate: string },
  now: Date,
) {
  const before = await loadForChange(caller, id, input.version);
  const today = brusselsDate(now);
  requireAction(caller, before, 'end', today, `A secondment that is ${before.status} cannot be ended.`);
  if (input.endDate < before.startDate) {
    throw new AppError('invalid_request', 'The end date must be on or after the start date.', {
      endDate: `On or after ${before.startDate}`,
    });
  }
  const at = now.toISOString();
  const after: SecondmentRecord = {
    ...before,
    endDate: input.endDate,
    status: 'ended',
    version: before.version + 1,
    updatedAt: at,
  };
  return finishLifecycleChange(caller, before, after, 'ended', at, today);
}

export async function withdrawSecondment(caller: Caller, id: string, version: number, now: Date) {
  const before = await loadForChange(caller, id, version);
  const today = brusselsDate(now);
  requireAction(
    caller,
    before,
    'withdraw',
    today,
    'Only a notified secondment that has not started yet can be withdrawn.',
  );
  const at = now.toISOString();
  const after: SecondmentRecord = {
    ...before,
    status: 'withdrawn',
    version: before.version + 1,
    updatedAt: at,
  };
  return finishLifecycleChange(caller, before, after, 'withdrawn', at, today);
}

/**
 * Ending and withdrawing: the officer's erasure date moves with the new last day, and every
 * organisation informed of the secondment is told.
 */
async function finishLifecycleChange(
  caller: Caller,
  before: SecondmentRecord,
  after: SecondmentRecord,
  action: 'ended' | 'withdrawn',
  at: string,
  today: string,
) {
  const officer = await SecondmentRepository.getOfficer(after.id);
  const officerItem = officer?.name ? officerRecord(officer as Officer, after, at) : undefined;
  await writeVersion({
    caller,
    before,
    after,
    action,
    at,
    ...(officerItem ? { officer: officerItem } : {}),
    feed: action === 'ended' ? 'secondment_ended' : 'secondment_withdrawn',
  });
  return present(after, caller, today, officerItem ?? officer);
}

export async function secondmentHistory(caller: Caller, id: string): Promise<SecondmentHistory> {
  if (!readsNotifiedSecondments(caller))
    throw forbidden('Your organisation does not receive secondment notifications.');
  const record = await SecondmentRepository.get(id);
  if (!record || !canSee(caller, record)) throw notFound('The secondment');
  const versions = await SecondmentRepository.history(id);
  // Other organisations see the versions from notification on; a state's drafts stay its own.
  const visible = seesDraftsOf(caller, record.state)
    ? versions
    : versions.filter((v) => v.secondment.status !== 'draft');
  return {
    items: visible.map(({ version, action, at, actor, secondment }) => ({
      version,
      action,
      status: secondment.status,
      at,
      actor,
      secondment,
    })),
  };
}

/** Erases the officer's name and contact once the retention period after the end has passed. */
export async function eraseDuePersonalData(now: Date): Promise<{ erased: number }> {
  const today = brusselsDate(now);
  const ids = await SecondmentRepository.officersDueForErasure(today);
  const at = now.toISOString();
  for (const id of ids) {
    const record = await SecondmentRepository.get(id);
    await transact([
      secondmentWrites.putOfficer(id, { erasedAt: at }),
      auditEntry({
        kind: 'secondment',
        entityId: id,
        owner: record?.state ?? 'unknown',
        action: 'personal_data_erased',
        at,
        actor: SYSTEM_ACTOR,
      }),
    ]);
  }
  return { erased: ids.length };
}

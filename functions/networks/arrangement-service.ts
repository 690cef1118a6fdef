import type { z } from 'zod';
import type { arrangementSchema } from '#shared/networks.ts';
import { actorOf, auditEntry } from '../audit/audit-repository.ts';
import type { Caller } from '../lib/caller.ts';
import { AppError, forbidden, notFound, staleVersion } from '../lib/errors.ts';
import { type Idempotency, noIdempotency } from '../lib/idempotency.ts';
import { newId } from '../lib/ids.ts';
import { ConditionFailed, type TransactItem, transact } from '../lib/transactions.ts';
import { actsOnArrangement, allowedOnArrangement, proposesArrangements } from './arrangement-policy.ts';
import { type ArrangementRecord, ArrangementRepository } from './arrangement-repository.ts';

function present(record: ArrangementRecord, caller: Caller) {
  return { ...record, allowed: allowedOnArrangement(caller, record) };
}

async function write(
  caller: Caller,
  before: ArrangementRecord | undefined,
  after: ArrangementRecord,
  action: string,
  alongside: TransactItem[] = [],
) {
  try {
    await transact([
      ArrangementRepository.put(after, before?.version),
      auditEntry({
        kind: 'arrangement',
        entityId: after.id,
        owner: after.proposedBy,
        action,
        at: after.updatedAt,
        actor: actorOf(caller),
        ...(before ? { before } : {}),
        after,
      }),
      ...alongside,
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed) throw staleVersion('this arrangement');
    throw error;
  }
}

/** A coordinator proposes an arrangement between its state and others; it takes effect when all accept. */
export async function proposeArrangement(
  caller: Caller,
  input: z.output<typeof arrangementSchema>,
  now: Date,
  idempotency: Idempotency = noIdempotency,
) {
  if (!proposesArrangements(caller)) throw forbidden("Arrangements are agreed by the states' coordinators.");
  if (!(input.parties as readonly string[]).includes(caller.organisation)) {
    throw new AppError('invalid_request', 'Your state must be one of the parties.', {
      parties: `Add ${caller.organisation} to the parties`,
    });
  }
  const at = now.toISOString();
  const { validTo, ...rest } = input;
  const record: ArrangementRecord = {
    ...rest,
    ...(validTo ? { validTo } : {}),
    id: newId(),
    proposedBy: caller.organisation,
    acceptedBy: [caller.organisation],
    status: 'proposed',
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const answer = present(record, caller);
  await write(caller, undefined, record, 'proposed', idempotency.record(answer));
  return answer;
}

async function loadForChange(caller: Caller, id: string, version: number) {
  const record = await ArrangementRepository.get(id);
  if (!record) throw notFound('The arrangement');
  if (!actsOnArrangement(caller, record))
    throw forbidden("Only the parties' coordinators act on this arrangement.");
  if (record.version !== version) throw staleVersion('this arrangement', record.version);
  return record;
}

export async function acceptArrangement(caller: Caller, id: string, version: number, now: Date) {
  const before = await loadForChange(caller, id, version);
  if (before.status !== 'proposed' || before.acceptedBy.includes(caller.organisation)) {
    throw new AppError(
      'not_editable',
      'Your state has already accepted, or the arrangement is no longer open.',
    );
  }
  const acceptedBy = [...before.acceptedBy, caller.organisation];
  const inEffect = before.parties.every((party) => acceptedBy.includes(party));
  const after: ArrangementRecord = {
    ...before,
    acceptedBy,
    status: inEffect ? 'in_effect' : 'proposed',
    version: before.version + 1,
    updatedAt: now.toISOString(),
  };
  await write(caller, before, after, inEffect ? 'accepted_in_effect' : 'accepted');
  return present(after, caller);
}

export async function withdrawArrangement(caller: Caller, id: string, version: number, now: Date) {
  const before = await loadForChange(caller, id, version);
  if (before.status === 'withdrawn')
    throw new AppError('not_editable', 'The arrangement is already withdrawn.');
  const after: ArrangementRecord = {
    ...before,
    status: 'withdrawn',
    version: before.version + 1,
    updatedAt: now.toISOString(),
  };
  await write(caller, before, after, 'withdrawn');
  return present(after, caller);
}

export async function getArrangement(caller: Caller, id: string) {
  const record = await ArrangementRepository.get(id);
  if (!record) throw notFound('The arrangement');
  return present(record, caller);
}

export async function listArrangements(
  caller: Caller,
  filter: { hostCountry?: string | undefined; state?: string | undefined },
) {
  const records = await ArrangementRepository.list();
  return {
    items: records
      .filter((r) => !filter.hostCountry || r.hostCountries.includes(filter.hostCountry))
      .filter((r) => !filter.state || r.parties.includes(filter.state))
      .map((r) => present(r, caller)),
    nextCursor: null,
  };
}

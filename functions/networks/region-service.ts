import type { z } from 'zod';
import type { regionInputSchema } from '#shared/networks.ts';
import { actorOf, auditEntry } from '../audit/audit-repository.ts';
import type { Caller } from '../lib/caller.ts';
import { forbidden, staleVersion } from '../lib/errors.ts';
import { ConditionFailed, transact } from '../lib/transactions.ts';
import { managesRegions } from './network-policy.ts';
import { type RegionRecord, RegionRepository } from './region-repository.ts';

/** Creates (version 0) or replaces a regional network: the Commission's administrators only. */
export async function saveRegion(
  caller: Caller,
  id: string,
  input: z.output<typeof regionInputSchema>,
  now: Date,
) {
  if (!managesRegions(caller)) {
    throw forbidden("Regional networks are reference data kept by the Commission's administrators.");
  }
  const before = await RegionRepository.get(id);
  if ((before?.version ?? 0) !== input.version) throw staleVersion('this regional network', before?.version);
  const after: RegionRecord = {
    id,
    name: input.name,
    hostCountries: input.hostCountries,
    version: input.version + 1,
    updatedAt: now.toISOString(),
  };
  try {
    await transact([
      RegionRepository.put(after, before?.version),
      auditEntry({
        kind: 'region',
        entityId: id,
        owner: 'EC',
        action: before ? 'region_updated' : 'region_created',
        at: after.updatedAt,
        actor: actorOf(caller),
        ...(before ? { before } : {}),
        after,
      }),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed) throw staleVersion('this regional network');
    throw error;
  }
  return after;
}

export async function listRegions() {
  return { items: await RegionRepository.list() };
}

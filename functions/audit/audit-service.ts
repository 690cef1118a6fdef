import type { AuditedEntity } from '#shared/audit.ts';
import type { Caller } from '../lib/caller.ts';
import { forbidden, notFound } from '../lib/errors.ts';
import { readsAuditTrail } from './audit-policy.ts';
import { AuditRepository } from './audit-repository.ts';

/** The audit trail of one entity: the Commission's admins read any, a state reads its own entities'. */
export async function auditTrail(caller: Caller, entity: string, limit: number, cursor: string | undefined) {
  const [kind, id] = entity.split(':') as [AuditedEntity, string];
  const page = await AuditRepository.listForEntity(kind, id, limit, cursor);
  if (page.items.length === 0) throw notFound('An audit trail for this entity');
  if (
    !readsAuditTrail(
      caller,
      page.items.map((entry) => entry.owner),
    )
  ) {
    throw forbidden("Only the Commission's administrators and the owning state read this audit trail.");
  }
  return { items: page.items.map(({ owner: _owner, ...entry }) => entry), nextCursor: page.nextCursor };
}

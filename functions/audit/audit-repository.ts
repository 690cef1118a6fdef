import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditedEntity } from '#shared/audit.ts';
import { AUDIT_KEY_PREFIX } from '#shared/table-design.ts';
import { dynamo, tableName } from '../lib/aws.ts';
import type { Caller } from '../lib/caller.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { newId } from '../lib/ids.ts';
import type { TransactItem } from '../lib/transactions.ts';

/**
 * The audit trail: one item per write, never changed or deleted (no code path updates these keys).
 * Keys: pk `AUDIT#<kind>#<id>`, sk `<ulid>`; gsi2 `AUDIT#<org>` for an organisation's own trail.
 */
export interface AuditRecord {
  id: string;
  entity: string;
  owner: string;
  action: string;
  at: string;
  actor: { subject: string; organisation: string; role: string; name?: string };
  before?: unknown;
  after?: unknown;
}

/** The actor of what the schedule and the jobs do on their own (erasure, the close at the boundary). */
export const SYSTEM_ACTOR: AuditRecord['actor'] = { subject: 'system', organisation: 'SYSTEM', role: 'job' };

export function actorOf(caller: Caller): AuditRecord['actor'] {
  return {
    subject: caller.subject,
    organisation: caller.organisation,
    role: caller.role,
    ...(caller.name ? { name: caller.name } : {}),
  };
}

/** The audit entry of a write, as a transaction item to land with the write itself. */
export function auditEntry(input: {
  kind: AuditedEntity;
  entityId: string;
  owner: string;
  action: string;
  at: string;
  actor: AuditRecord['actor'];
  before?: unknown;
  after?: unknown;
}): TransactItem {
  const id = newId();
  return {
    Put: {
      TableName: tableName(),
      Item: {
        pk: auditPartition(input.kind, input.entityId),
        sk: id,
        gsi2pk: `${AUDIT_KEY_PREFIX}${input.actor.organisation}`,
        gsi2sk: id,
        entityType: 'Audit',
        id,
        entity: `${input.kind}:${input.entityId}`,
        owner: input.owner,
        action: input.action,
        at: input.at,
        actor: input.actor,
        before: input.before,
        after: input.after,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

const auditPartition = (kind: AuditedEntity, entityId: string) => `${AUDIT_KEY_PREFIX}${kind}#${entityId}`;

export const AuditRepository = {
  async listForEntity(kind: AuditedEntity, entityId: string, limit: number, cursor: string | undefined) {
    const pk = auditPartition(kind, entityId);
    const page = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, { pk, sk: 'any' }),
      }),
    );
    const items = (page.Items ?? []).map(
      ({ id, entity, owner, action, at, actor, before, after }) =>
        ({ id, entity, owner, action, at, actor, before, after }) as AuditRecord,
    );
    return { items, nextCursor: encodeCursor(page.LastEvaluatedKey) };
  },
};

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntry } from '#functions/audit/audit-repository.ts';
import { dynamo, tableName } from '#functions/lib/aws.ts';
import { ConditionFailed, transact } from '#functions/lib/transactions.ts';
import { type EndpointId, endpoints } from '#shared/api/endpoints.ts';
import { type AuditedEntity, auditedEntities } from '#shared/audit.ts';
import { callers, matrix, OK, personOf } from './permission-matrix.ts';
import { buildWorld, type Person, type World } from './world.ts';

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 180_000);
afterAll(async () => {
  await world?.stop();
});

/** What each write changes, as the audit trail names it; `creates` writes have no `before`. */
const audited: Record<string, { kind: AuditedEntity; creates?: true }> = {
  createSecondment: { kind: 'secondment', creates: true },
  updateSecondment: { kind: 'secondment' },
  notifySecondment: { kind: 'secondment' },
  endSecondment: { kind: 'secondment' },
  withdrawSecondment: { kind: 'secondment' },
  recordMeeting: { kind: 'activity', creates: true },
  recordTraining: { kind: 'activity', creates: true },
  recordCarrierPosition: { kind: 'activity', creates: true },
  recordContact: { kind: 'activity', creates: true },
  updateActivity: { kind: 'activity' },
  designateActingState: { kind: 'drafting' },
  reassignDraftingState: { kind: 'drafting' },
  saveRegion: { kind: 'region', creates: true },
  proposeArrangement: { kind: 'arrangement', creates: true },
  acceptArrangement: { kind: 'arrangement' },
  withdrawArrangement: { kind: 'arrangement' },
  closeSemester: { kind: 'semester' },
  createPerson: { kind: 'person', creates: true },
  updatePerson: { kind: 'person' },
  disablePerson: { kind: 'person' },
  enablePerson: { kind: 'person' },
  updatePreferences: { kind: 'person' },
  saveContribution: { kind: 'contribution' },
  submitContribution: { kind: 'contribution' },
  reopenContribution: { kind: 'contribution' },
  saveAssessment: { kind: 'report' },
  finaliseReport: { kind: 'report' },
  setPresidency: { kind: 'semester' },
};
/** Not audited as a write of its own: the dev login signs a token (a demo person it creates on first use is audited as created). */
const storesNothing = new Set<EndpointId>(['devLogin']);

interface StoredAudit {
  id: string;
  entity: string;
  action: string;
  at: string;
  actor: { subject: string; organisation: string; role: string };
  before?: unknown;
  after?: unknown;
}

async function auditEntries(): Promise<StoredAudit[]> {
  const items: StoredAudit[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: 'begins_with(pk, :audit)',
        ExpressionAttributeValues: { ':audit': 'AUDIT#' },
        ExclusiveStartKey,
      }),
    );
    items.push(...((page.Items ?? []) as StoredAudit[]));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

const writeEndpoints = (Object.keys(endpoints) as EndpointId[]).filter(
  (id) => endpoints[id].method !== 'GET',
);

describe('the audit trail', () => {
  it('knows every write endpoint', () => {
    expect(writeEndpoints.filter((id) => !audited[id] && !storesNothing.has(id))).toEqual([]);
  });

  it('gets exactly one entry, with before and after, from every write', async () => {
    const problems: string[] = [];
    for (const id of writeEndpoints.filter((endpoint) => audited[endpoint])) {
      const expected = audited[id] as (typeof audited)[string];
      const row = matrix.find((r) => r.endpoint === id);
      const caller = callers.find((c) => row?.expect[c] === OK && personOf[c]);
      if (!row || !caller) {
        problems.push(`${id}: no allowed caller in the permission matrix`);
        continue;
      }
      const person = personOf[caller] as Person;
      const target = await row.target(world);
      const known = new Set((await auditEntries()).map((entry) => entry.id));
      const answer = await world.call(endpoints[id].method, target.path, {
        token: world.tokens[person],
        body: target.body,
      });
      if (answer.status !== endpoints[id].success.status) {
        problems.push(`${id}: the write failed (${answer.status}): ${JSON.stringify(answer.json)}`);
        continue;
      }
      const added = (await auditEntries()).filter((entry) => !known.has(entry.id));
      if (added.length !== 1) {
        problems.push(`${id}: ${added.length} new audit entries (${added.map((a) => a.action).join(', ')})`);
        continue;
      }
      const [entry] = added as [StoredAudit];
      const where = `${id} (${entry.entity} ${entry.action})`;
      if (!entry.entity.startsWith(`${expected.kind}:`))
        problems.push(`${where}: not a ${expected.kind} entry`);
      if (entry.after === undefined) problems.push(`${where}: no after`);
      if (expected.creates && entry.before !== undefined) problems.push(`${where}: a create has a before`);
      if (!expected.creates && entry.before === undefined) problems.push(`${where}: no before`);
      const [organisation, role] = person.split(':');
      if (entry.actor.organisation !== organisation || entry.actor.role !== role || !entry.actor.subject)
        problems.push(`${where}: the actor is ${JSON.stringify(entry.actor)}, not ${person}`);
      if (Number.isNaN(Date.parse(entry.at))) problems.push(`${where}: no time`);
      // And the Commission reads it through the API.
      const trail = await world.call('GET', `/api/audit?entity=${encodeURIComponent(entry.entity)}`, {
        token: world.tokens['EC:admin'],
      });
      if (!trail.json?.items?.some((item: { id: string }) => item.id === entry.id))
        problems.push(`${where}: not in GET /api/audit (${trail.status})`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('is read-only through the API: one audit route, and it is a GET', () => {
    const auditRoutes = Object.values(endpoints).filter(
      (endpoint) => endpoint.path.includes('audit') || endpoint.tag === 'audit',
    );
    expect(auditRoutes.map((endpoint) => `${endpoint.method} ${endpoint.path}`)).toEqual(['GET /api/audit']);
    expect(auditedEntities).toEqual(expect.arrayContaining(Object.values(audited).map((a) => a.kind)));
  });

  it('is written only as new items, which nothing can overwrite', async () => {
    // In the code: only the audit repository names audit keys, and it only creates them.
    const functionsDir = fileURLToPath(new URL('../../functions/', import.meta.url));
    const sources = (readdirSync(functionsDir, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.ts'))
      .map((file) => ({ file, text: readFileSync(join(functionsDir, file), 'utf8') }));
    expect(sources.filter((s) => s.text.includes('AUDIT#')).map((s) => s.file)).toEqual([
      join('audit', 'audit-repository.ts'),
    ]);
    const repository = sources.find((s) => s.file === join('audit', 'audit-repository.ts'))?.text ?? '';
    expect(repository).not.toMatch(/Update(Command|:)|Delete(Command|:)|BatchWrite/);

    // In the table: an entry is a conditional create, so a second write of the same key fails.
    const entry = auditEntry({
      kind: 'secondment',
      entityId: 'OVERWRITE-TEST',
      owner: 'DE',
      action: 'created',
      at: new Date().toISOString(),
      actor: { subject: 'test', organisation: 'DE', role: 'editor' },
      after: { original: true },
    });
    expect(entry.Put?.ConditionExpression).toBe('attribute_not_exists(pk)');
    await transact([entry]);
    const forged = { Put: { ...entry.Put, Item: { ...entry.Put?.Item, after: { forged: true } } } };
    await expect(transact([forged as typeof entry])).rejects.toBeInstanceOf(ConditionFailed);
    const stored = (await auditEntries()).find((e) => e.id === entry.Put?.Item?.id);
    expect(stored?.after).toEqual({ original: true });
  });
});

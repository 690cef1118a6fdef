import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo, tableName } from '#functions/lib/aws.ts';
import { routes } from '#functions/routes.ts';
import { type EndpointId, endpoints } from '#shared/api/endpoints.ts';
import { errorBodySchema } from '#shared/api/schemas.ts';
import { errorStatus } from '#shared/errors.ts';
import { type CallerId, callers, matrix, OK, type Outcome, personOf, type Row } from './permission-matrix.ts';
import { hostileTokens } from './tokens.ts';
import { buildWorld, OFFICER_EMAIL, type World } from './world.ts';

let world: World;
let tokenOf: Record<CallerId, string | undefined>;

/** The organisation a caller acts for, where its token gets it past the door. */
const organisationOf = (caller: CallerId) => personOf[caller]?.split(':')[0];

beforeAll(async () => {
  world = await buildWorld();
  const odd = await hostileTokens(world);
  tokenOf = {
    ...(Object.fromEntries(
      callers.map((caller) => {
        const person = personOf[caller];
        return [caller, person ? world.tokens[person] : undefined];
      }),
    ) as Record<CallerId, string | undefined>),
    ...odd,
  };
}, 180_000);
afterAll(async () => {
  await world?.stop();
});

const pathPattern = (path: string) =>
  new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+').replace(/[.]/g, '\\.')}(\\?.*)?$`);

/** Audit entries written by one organisation so far (gsi2: the organisation's own trail). */
async function auditCount(organisation: string): Promise<number> {
  const page = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': `AUDIT#${organisation}` },
      Select: 'COUNT',
    }),
  );
  return page.Count ?? 0;
}

/** The officer's personal data appears only where the row says, and only to whom it says. */
function officerVisibility(row: Row, caller: CallerId, json: unknown): string | undefined {
  const shown = JSON.stringify(json ?? null).includes(OFFICER_EMAIL);
  const readsOfficers =
    caller === 'ownEditor' || caller === 'ownCoordinator' || caller === 'otherState' || caller === 'ecAdmin';
  if (row.officer === 'states-and-ec') {
    if (readsOfficers && !shown) return 'the officer is missing for a participating state or the Commission';
    if (!readsOfficers && shown) return "PERSONAL DATA: the officer's contact is shown to this caller";
    return undefined;
  }
  if (row.officer === 'writer')
    return shown && !readsOfficers ? "PERSONAL DATA: the officer's contact is shown" : undefined;
  return shown ? "PERSONAL DATA: the officer's contact appears in this answer" : undefined;
}

describe('the permission matrix', () => {
  it('has a row for every endpoint of the contract, each aimed at its own route', () => {
    const covered = new Set(matrix.map((row) => row.endpoint));
    const missing = (Object.keys(endpoints) as EndpointId[]).filter((id) => !covered.has(id));
    expect(missing, 'endpoints without a row in the permission matrix').toEqual([]);
    // Every deployed route is an endpoint of the list (the CDK stack builds from the same rows).
    expect(routes.every((route) => covered.has(route.endpoint))).toBe(true);
  });

  // Some 800 requests one after the other (routes × callers), each checked against the contract:
  // about 30 s on a quiet 2-core machine, more on a loaded one.
  it('answers every caller on every route exactly as the table says', async () => {
    const mismatches: string[] = [];
    let cellsRun = 0;
    for (const row of matrix) {
      const endpoint = endpoints[row.endpoint];
      const name = `${row.endpoint}${row.variant ? ` (${row.variant})` : ''}`;
      const writes = endpoint.method !== 'GET';
      // Refusals first: a refused write must change nothing, so each allowed cell still meets the
      // situation the row describes.
      const order = [...callers].sort((a, b) => Number(row.expect[a] === OK) - Number(row.expect[b] === OK));
      for (const caller of order) {
        const expected: Outcome = row.expect[caller];
        const target = await row.target(world);
        if (!pathPattern(endpoint.path).test(target.path)) {
          mismatches.push(`${name}: the row's path ${target.path} is not the route ${endpoint.path}`);
          continue;
        }
        const organisation = organisationOf(caller);
        const auditedBefore = writes && expected !== OK && organisation ? await auditCount(organisation) : 0;
        const token = tokenOf[caller];
        const answer = await world.call(endpoint.method, target.path, {
          ...(token ? { token } : {}),
          ...(target.body !== undefined ? { body: target.body } : {}),
        });
        cellsRun += 1;
        const cell = `${name} × ${caller}`;
        const detail = JSON.stringify(answer.json)?.slice(0, 300);
        if (expected === OK) {
          if (answer.status !== endpoint.success.status) {
            mismatches.push(
              `${cell}: expected ${endpoint.success.status}, got ${answer.status} (unexpected deny) ${detail}`,
            );
          } else if (
            endpoint.success.schema !== 'any' &&
            !endpoint.success.schema.safeParse(answer.json).success
          ) {
            mismatches.push(`${cell}: the answer does not match the contract's schema ${detail}`);
          }
          const officerProblem = officerVisibility(row, caller, answer.json);
          if (officerProblem) mismatches.push(`${cell}: ${officerProblem}`);
          continue;
        }
        if (answer.status >= 200 && answer.status < 300) {
          mismatches.push(`${cell}: expected ${expected}, got ${answer.status} (UNEXPECTED ALLOW) ${detail}`);
          continue;
        }
        if (answer.status !== expected) {
          mismatches.push(`${cell}: expected ${expected}, got ${answer.status} ${detail}`);
          continue;
        }
        const error = errorBodySchema.safeParse(answer.json);
        if (!error.success || errorStatus[error.data.error.code] !== answer.status) {
          mismatches.push(`${cell}: the refusal is not the contract's error body ${detail}`);
        }
        if (writes && organisation && (await auditCount(organisation)) !== auditedBefore) {
          mismatches.push(`${cell}: a refused write left an audit entry`);
        }
      }
    }
    expect(cellsRun).toBe(matrix.length * callers.length);
    expect(mismatches, `unexpected answers in the permission matrix:\n${mismatches.join('\n')}`).toEqual([]);
  }, 240_000);
});

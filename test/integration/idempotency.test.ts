import { randomUUID } from 'node:crypto';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo } from '../../functions/lib/aws.ts';
import { type EndpointId, endpoints } from '../../shared/api/endpoints.ts';
import { brusselsDate } from '../../shared/semesters.ts';
import { type ApiAnswer, startTestApp, type TestApp } from '../support/app.ts';

// Idempotency-Key on creating requests: a retried POST creates one item and gets the same answer.
let app: TestApp;
const tokens: Record<string, string> = {};
const people = ['DE:editor', 'DE:coordinator', 'FR:editor', 'FR:coordinator', 'EC:admin'];
const today = brusselsDate(new Date());
const LAST_YEAR = `${Number(today.slice(0, 4)) - 1}-03-01`;

const secondmentBody = (city = 'Ankara') => ({
  hostCountry: 'TR',
  post: { city, mission: 'embassy' },
  authority: 'Border police',
  officer: { name: 'Officer Name' },
  startDate: LAST_YEAR,
  tasks: ['flows'],
});

const activity = {
  convenedBy: 'DE',
  participants: ['DE', 'FR'],
  commissionPresent: true,
  ebcgPresent: false,
  absenceReason: 'Operational reasons.',
  topics: ['Routes'],
  summary: 'Exchange on routes.',
};

/**
 * One valid request for every creating endpoint of the contract. `unique`: the same body without a
 * key is refused as a duplicate (a person's e-mail is unique) instead of creating a second one.
 */
const creating: Record<
  string,
  { as: string; path: string; body: Record<string, unknown>; unique?: 'email_in_use' }
> = {
  createSecondment: { as: 'DE:editor', path: '/api/secondments', body: secondmentBody() },
  recordMeeting: { as: 'DE:editor', path: '/api/networks/TR/meetings', body: { date: today, ...activity } },
  recordTraining: {
    as: 'DE:editor',
    path: '/api/networks/TR/trainings',
    body: {
      date: today,
      kind: 'consular_staff_training',
      organisers: ['DE'],
      participantCount: 12,
      topics: ['Document fraud'],
    },
  },
  recordCarrierPosition: {
    as: 'DE:editor',
    path: '/api/networks/TR/carrier-positions',
    body: { date: today, carriers: ['Airline'], states: ['DE', 'FR'], position: 'Checks at the gate.' },
  },
  recordContact: {
    as: 'DE:editor',
    path: '/api/networks/TR/contacts',
    body: {
      date: today,
      counterpartType: 'international_organisation',
      counterpart: 'UNHCR office',
      summary: 'Exchange.',
    },
  },
  proposeArrangement: {
    as: 'DE:coordinator',
    path: '/api/arrangements',
    body: {
      kind: 'representation',
      parties: ['DE', 'FR'],
      hostCountries: ['TR'],
      scope: 'The German ILO also looks after French interests.',
      validFrom: today,
    },
  },
  createPerson: {
    as: 'EC:admin',
    path: '/api/people',
    body: { organisation: 'FR', role: 'reader', name: 'Idem Potent', email: 'idem.potent@example.eu' },
    unique: 'email_in_use',
  },
};

const post = (as: string, path: string, body: unknown, key?: string) =>
  app.call('POST', path, {
    token: tokens[as],
    body,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });

const secondmentsOfDE = async () =>
  (await app.call('GET', '/api/secondments?state=DE&limit=100', { token: tokens['DE:editor'] })).json
    .items as {
    id: string;
    post: { city: string };
  }[];

beforeAll(async () => {
  app = await startTestApp();
  Object.assign(tokens, await app.loginAll(people));
  // DE and FR are members of the Türkiye network, so they record its activities.
  for (const state of ['DE', 'FR']) {
    const created = await post(`${state}:editor`, '/api/secondments', secondmentBody('Istanbul'));
    const notified = await app.call('POST', `/api/secondments/${created.json.id}/notify`, {
      token: tokens[`${state}:editor`],
      body: { version: 1 },
    });
    expect(notified.status).toBe(200);
  }
});
afterAll(async () => {
  await app?.stop();
});

describe('Idempotency-Key', () => {
  it('is taken by exactly the creating endpoints of the contract', () => {
    const idempotent = Object.entries(endpoints)
      .filter(([, endpoint]) => 'idempotent' in endpoint && endpoint.idempotent)
      .map(([id]) => id as EndpointId);
    expect(idempotent.sort()).toEqual(Object.keys(creating).sort());
    // Every POST answering 201 creates something: each takes the key.
    const creates = Object.entries(endpoints)
      .filter(([, e]) => e.method === 'POST' && e.success.status === 201)
      .map(([id]) => id);
    expect(creates.sort()).toEqual(idempotent.sort());
  });

  for (const [endpoint, request] of Object.entries(creating)) {
    it(`${endpoint}: a retry with the same key replays the answer and creates nothing more`, async () => {
      const key = randomUUID();
      const first = await post(request.as, request.path, request.body, key);
      expect(first.status, JSON.stringify(first.json)).toBe(201);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      const retry = await post(request.as, request.path, request.body, key);
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.json).toEqual(first.json);
      // Exactly one audit entry: the create ran once.
      const kind =
        endpoint === 'createSecondment'
          ? 'secondment'
          : endpoint === 'proposeArrangement'
            ? 'arrangement'
            : endpoint === 'createPerson'
              ? 'person'
              : 'activity';
      const trail = await app.call('GET', `/api/audit?entity=${kind}:${first.json.id}`, {
        token: tokens['EC:admin'],
      });
      expect(trail.json.items).toHaveLength(1);
      // Without a key, the same body twice is two requests, as before.
      const again = await post(request.as, request.path, request.body);
      if (request.unique) {
        expect(again.status).toBe(409);
        expect(again.json.error.code).toBe(request.unique);
        return;
      }
      expect(again.status).toBe(201);
      expect(again.json.id).not.toBe(first.json.id);
    });
  }

  it('stores the answer for 24 hours under the caller, the endpoint and the key', async () => {
    const key = randomUUID();
    const first = await post('DE:editor', '/api/secondments', secondmentBody('Izmir'), key);
    expect(first.status).toBe(201);
    const pk = `IDEMPOTENCY#DE#local-de-editor#POST /api/secondments#${key}`;
    const { Item } = await dynamo().send(
      new GetCommand({ TableName: app.tableName, Key: { pk, sk: 'ANSWER' } }),
    );
    expect(Item).toMatchObject({ entityType: 'IdempotencyRecord', status: 201 });
    const lifetime = (Item?.expiresAt as number) - Date.parse(first.json.createdAt) / 1000;
    expect(lifetime).toBeGreaterThan(24 * 3600 - 5);
    expect(lifetime).toBeLessThanOrEqual(24 * 3600);
    // The answer without the officer's contact, which lives only in the OFFICER item (a replay
    // echoes it from the retried request, whose body is the same).
    const { officer, ...rest } = first.json;
    expect(officer).toEqual({ name: 'Officer Name' });
    expect(JSON.parse(Item?.answer as string)).toEqual({ ...rest, $fromRequest: ['officer'] });
    expect(Item?.answer).not.toContain('Officer Name');

    // Past its expiry (TTL deletes only eventually), a key is new again.
    await dynamo().send(
      new UpdateCommand({
        TableName: app.tableName,
        Key: { pk, sk: 'ANSWER' },
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': Math.floor(Date.now() / 1000) - 1 },
      }),
    );
    const afterExpiry = await post('DE:editor', '/api/secondments', secondmentBody('Izmir'), key);
    expect(afterExpiry.status).toBe(201);
    expect(afterExpiry.headers.get('idempotent-replayed')).toBeNull();
    expect(afterExpiry.json.id).not.toBe(first.json.id);
  });

  it('refuses the same key with another body (422), creating nothing', async () => {
    const key = randomUUID();
    const before = (await secondmentsOfDE()).length;
    expect((await post('DE:editor', '/api/secondments', secondmentBody('Bursa'), key)).status).toBe(201);
    const other = await post('DE:editor', '/api/secondments', secondmentBody('Antalya'), key);
    expect(other.status).toBe(422);
    expect(other.json.error).toMatchObject({
      code: 'idempotency_key_reused',
      fields: { 'header.idempotency-key': 'Already used for a different request' },
    });
    // The same body with its fields in another order is the same request.
    const { tasks, ...rest } = secondmentBody('Bursa');
    const reordered = await post('DE:editor', '/api/secondments', { tasks, ...rest }, key);
    expect(reordered.status).toBe(201);
    expect(reordered.headers.get('idempotent-replayed')).toBe('true');
    expect((await secondmentsOfDE()).filter((s) => ['Bursa', 'Antalya'].includes(s.post.city))).toHaveLength(
      1,
    );
    expect((await secondmentsOfDE()).length).toBe(before + 1);
  });

  it('is scoped to the caller and the endpoint: the same key elsewhere is another request', async () => {
    const key = randomUUID();
    const byEditor = await post('DE:editor', '/api/secondments', secondmentBody('Mersin'), key);
    const byCoordinator = await post('DE:coordinator', '/api/secondments', secondmentBody('Mersin'), key);
    const byFrance = await post('FR:editor', '/api/secondments', secondmentBody('Mersin'), key);
    const meeting = await post('DE:editor', '/api/networks/TR/meetings', { date: today, ...activity }, key);
    const answers: ApiAnswer[] = [byEditor, byCoordinator, byFrance, meeting];
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201]);
    expect(answers.map((a) => a.headers.get('idempotent-replayed'))).toEqual([null, null, null, null]);
    expect(new Set(answers.map((a) => a.json.id)).size).toBe(4);
  });

  it('creates one item when ten requests with the same key arrive at once', async () => {
    const key = randomUUID();
    const before = (await secondmentsOfDE()).length;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => post('DE:editor', '/api/secondments', secondmentBody('Adana'), key)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => a.json.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    expect((await secondmentsOfDE()).length).toBe(before + 1);
  });

  it('names the header when the key is malformed, and is ignored where nothing is created', async () => {
    const bad = await post('DE:editor', '/api/secondments', secondmentBody(), 'not a key!');
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toEqual({
      'header.idempotency-key': 'Use 1 to 128 letters, digits or . _ : - (a UUID fits)',
    });
    expect((await post('DE:editor', '/api/secondments', secondmentBody(), 'k'.repeat(129))).status).toBe(400);
    // A refused create stores no answer: the corrected request with the same key creates.
    const key = randomUUID();
    const proposal = creating.proposeArrangement?.body ?? {};
    const refused = await post(
      'DE:coordinator',
      '/api/arrangements',
      { ...proposal, parties: ['FR', 'NL'] },
      key,
    );
    expect(refused.status).toBe(400);
    const corrected = await post('DE:coordinator', '/api/arrangements', proposal, key);
    expect(corrected.status).toBe(201);
    expect(corrected.headers.get('idempotent-replayed')).toBeNull();
    // An endpoint that creates nothing ignores the header.
    const notify = await app.call('POST', `/api/arrangements/${corrected.json.id}/accept`, {
      token: tokens['FR:coordinator'],
      body: { version: 1 },
      headers: { 'idempotency-key': 'not a key!' },
    });
    expect(notify.status).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brusselsDate, semesterIdAt } from '../../shared/semesters.ts';
import { requiredContributionValues } from '../fixtures/contribution-values.ts';
import { type ApiAnswer, startTestApp, type TestApp } from '../support/app.ts';

// Races: many callers at once carrying the same version, and a submit racing the semester close.
let app: TestApp;
const tokens: Record<string, string> = {};
const people = [
  'DE:editor',
  'DE:coordinator',
  'FR:editor',
  'FR:coordinator',
  'FR:reader',
  'NL:editor',
  'NL:coordinator',
  'EC:admin',
];
const RACERS = 10;
const today = brusselsDate(new Date());
const year = Number(today.slice(0, 4));
const LAST_YEAR = `${year - 1}-03-01`;
const NEXT_YEAR = `${year + 1}-03-01`;
const current = semesterIdAt(new Date());

const requiredValues = requiredContributionValues;

function secondmentBody(hostCountry: string, overrides: Record<string, unknown> = {}) {
  return {
    hostCountry,
    post: { city: 'Capital', mission: 'embassy' },
    authority: 'Border police',
    officer: { name: 'Officer Name' },
    startDate: LAST_YEAR,
    tasks: ['flows'],
    ...overrides,
  };
}

async function draft(as: string, hostCountry: string, overrides: Record<string, unknown> = {}) {
  const created = await app.call('POST', '/api/secondments', {
    token: tokens[as],
    body: secondmentBody(hostCountry, overrides),
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  return created.json;
}

async function notified(as: string, hostCountry: string, overrides: Record<string, unknown> = {}) {
  const created = await draft(as, hostCountry, overrides);
  const answer = await app.call('POST', `/api/secondments/${created.id}/notify`, {
    token: tokens[as],
    body: { version: created.version },
  });
  expect(answer.status).toBe(200);
  return answer.json;
}

/** Fires `RACERS` requests at once; each gets its index, to carry a change of its own. */
const race = (send: (racer: number) => Promise<ApiAnswer>) =>
  Promise.all(Array.from({ length: RACERS }, (_, racer) => send(racer)));

/** Exactly one success; every other answer a 409 with one of the contract's conflict codes. */
function theOneWinner(answers: ApiAnswer[], conflictCodes: string[] = ['stale_version']): number {
  const winners = answers.flatMap((answer, racer) => (answer.status < 300 ? [racer] : []));
  expect(
    winners,
    `statuses: ${answers.map((a) => `${a.status} ${a.json?.error?.code ?? ''}`).join(', ')}`,
  ).toHaveLength(1);
  for (const answer of answers.filter((_, racer) => racer !== winners[0])) {
    expect(answer.status).toBe(409);
    expect(conflictCodes).toContain(answer.json.error.code);
  }
  return winners[0] as number;
}

async function auditActions(entity: string): Promise<string[]> {
  const trail = await app.call('GET', `/api/audit?entity=${entity}`, { token: tokens['EC:admin'] });
  expect(trail.status).toBe(200);
  return trail.json.items.map((entry: { action: string }) => entry.action);
}

/** The feed entries France received about one secondment. */
async function feedAbout(secondmentId: string): Promise<{ kind: string; version: number }[]> {
  const feed = await app.call('GET', '/api/feed?limit=100', { token: tokens['FR:reader'] });
  return feed.json.items
    .filter((entry: { secondment?: { id: string } }) => entry.secondment?.id === secondmentId)
    .map((entry: { kind: string; secondment: { version: number } }) => ({
      kind: entry.kind,
      version: entry.secondment.version,
    }));
}

beforeAll(async () => {
  app = await startTestApp();
  Object.assign(tokens, await app.loginAll(people));
});
afterAll(async () => {
  await app?.stop();
});

describe(`${RACERS} concurrent changes carrying the same version: exactly one wins`, () => {
  it('secondments: edit, notify, end, withdraw', async () => {
    const created = await draft('DE:editor', 'TR');
    const edits = await race((racer) =>
      app.call('PUT', `/api/secondments/${created.id}`, {
        token: tokens['DE:editor'],
        body: { ...secondmentBody('TR', { taskDescription: `Edit by racer ${racer}` }), version: 1 },
      }),
    );
    const editor = theOneWinner(edits);
    const stored = await app.call('GET', `/api/secondments/${created.id}`, { token: tokens['DE:editor'] });
    expect(stored.json).toMatchObject({ version: 2, taskDescription: `Edit by racer ${editor}` });
    expect(await auditActions(`secondment:${created.id}`)).toEqual(['created', 'updated']);

    const notifies = await race(() =>
      app.call('POST', `/api/secondments/${created.id}/notify`, {
        token: tokens['DE:editor'],
        body: { version: 2 },
      }),
    );
    theOneWinner(notifies);
    expect(await feedAbout(created.id)).toEqual([{ kind: 'secondment_notified', version: 3 }]);

    const ends = await race((racer) =>
      app.call('POST', `/api/secondments/${created.id}/end`, {
        token: tokens['DE:editor'],
        body: { version: 3, endDate: `${year + 1}-01-${String(racer + 10).padStart(2, '0')}` },
      }),
    );
    const ender = theOneWinner(ends);
    const ended = await app.call('GET', `/api/secondments/${created.id}`, { token: tokens['DE:editor'] });
    expect(ended.json).toMatchObject({
      status: 'ended',
      version: 4,
      endDate: `${year + 1}-01-${ender + 10}`,
    });
    expect(await feedAbout(created.id)).toEqual([
      { kind: 'secondment_ended', version: 4 },
      { kind: 'secondment_notified', version: 3 },
    ]);
    const history = await app.call('GET', `/api/secondments/${created.id}/history`, {
      token: tokens['DE:editor'],
    });
    expect(history.json.items.map((v: { version: number }) => v.version)).toEqual([1, 2, 3, 4]);
    expect(await auditActions(`secondment:${created.id}`)).toEqual([
      'created',
      'updated',
      'notified',
      'ended',
    ]);

    const planned = await notified('DE:editor', 'TR', { startDate: NEXT_YEAR });
    const withdrawals = await race(() =>
      app.call('POST', `/api/secondments/${planned.id}/withdraw`, {
        token: tokens['DE:editor'],
        body: { version: planned.version },
      }),
    );
    theOneWinner(withdrawals);
    expect(await feedAbout(planned.id)).toEqual([
      { kind: 'secondment_withdrawn', version: 3 },
      { kind: 'secondment_notified', version: 2 },
    ]);
    expect(await auditActions(`secondment:${planned.id}`)).toEqual(['created', 'notified', 'withdrawn']);
  });

  it('contributions: the first save, a later save, submit and reopen', async () => {
    await notified('DE:editor', 'GH');
    await notified('FR:editor', 'GH');
    const path = `/api/semesters/${current}/networks/GH/contributions/DE`;
    const saves = (version: number) =>
      race((racer) =>
        app.call('PUT', path, {
          token: tokens['DE:editor'],
          body: { templateVersion: 1, version, values: { ...requiredValues, 'A2.text': `Racer ${racer}` } },
        }),
      );
    const first = theOneWinner(await saves(0));
    expect((await app.call('GET', path, { token: tokens['DE:editor'] })).json).toMatchObject({
      version: 1,
      values: { 'A2.text': `Racer ${first}` },
    });
    const second = theOneWinner(await saves(1));
    expect((await app.call('GET', path, { token: tokens['DE:editor'] })).json).toMatchObject({
      version: 2,
      values: { 'A2.text': `Racer ${second}` },
    });

    // A loser that reads after the winner finds the contribution submitted: 409 already_submitted.
    const submits = await race(() =>
      app.call('POST', `${path}/submit`, { token: tokens['DE:coordinator'], body: { version: 2 } }),
    );
    theOneWinner(submits, ['stale_version', 'already_submitted']);
    expect((await app.call('GET', path, { token: tokens['DE:editor'] })).json).toMatchObject({
      status: 'submitted',
      version: 3,
    });

    const reopens = await race(() =>
      app.call('POST', `${path}/reopen`, { token: tokens['EC:admin'], body: { version: 3 } }),
    );
    theOneWinner(reopens, ['stale_version', 'not_editable']);
    expect(await auditActions(`contribution:${current}.GH.DE`)).toEqual([
      'saved',
      'saved',
      'submitted',
      'reopened',
    ]);
  });

  it('network activities, the acting-state designation, arrangements and regional networks', async () => {
    await notified('DE:editor', 'SN');
    await notified('FR:editor', 'SN');
    await notified('NL:editor', 'SN');
    const meeting = {
      date: today,
      convenedBy: 'DE',
      participants: ['DE', 'FR'],
      commissionPresent: true,
      ebcgPresent: true,
      topics: ['Routes'],
      summary: 'First summary.',
    };
    const recorded = await app.call('POST', '/api/networks/SN/meetings', {
      token: tokens['DE:editor'],
      body: meeting,
    });
    expect(recorded.status).toBe(201);
    const activityPath = `/api/networks/SN/semesters/${recorded.json.semester}/activities/${recorded.json.id}`;
    const updates = await race((racer) =>
      app.call('PUT', activityPath, {
        token: tokens['DE:editor'],
        body: { version: 1, fields: { ...meeting, summary: `Summary by racer ${racer}` } },
      }),
    );
    const updater = theOneWinner(updates);
    const page = await app.call('GET', '/api/networks/SN', { token: tokens['FR:reader'] });
    expect(page.json.activities).toEqual([
      expect.objectContaining({
        version: 2,
        fields: expect.objectContaining({ summary: `Summary by racer ${updater}` }),
      }),
    ]);
    expect(await auditActions(`activity:${recorded.json.id}`)).toEqual([
      'meeting_recorded',
      'meeting_updated',
    ]);

    const states = ['DE', 'FR', 'NL'];
    const designations = await race((racer) =>
      app.call('PUT', `/api/networks/SN/semesters/${current}/acting-state`, {
        token: tokens['EC:admin'],
        body: { state: states[racer % 3], version: 0 },
      }),
    );
    const designator = theOneWinner(designations);
    const designated = await app.call('GET', '/api/networks/SN', { token: tokens['FR:reader'] });
    expect(designated.json.semester).toMatchObject({
      actingState: states[designator % 3],
      designationVersion: 1,
    });
    expect(await auditActions(`drafting:SN.${current}`)).toEqual(['acting_state_designated']);

    const proposed = await app.call('POST', '/api/arrangements', {
      token: tokens['DE:coordinator'],
      body: {
        kind: 'representation',
        parties: ['DE', 'FR', 'NL'],
        hostCountries: ['SN'],
        scope: 'The German ILO also looks after French and Dutch interests.',
        validFrom: today,
      },
    });
    expect(proposed.status).toBe(201);
    const accepts = await race((racer) =>
      app.call('POST', `/api/arrangements/${proposed.json.id}/accept`, {
        token: tokens[racer % 2 ? 'FR:coordinator' : 'NL:coordinator'],
        body: { version: 1 },
      }),
    );
    const accepter = theOneWinner(accepts);
    const arrangement = await app.call('GET', `/api/arrangements/${proposed.json.id}`, {
      token: tokens['DE:coordinator'],
    });
    expect(arrangement.json).toMatchObject({
      version: 2,
      status: 'proposed',
      acceptedBy: ['DE', accepter % 2 ? 'FR' : 'NL'],
    });
    expect(await auditActions(`arrangement:${proposed.json.id}`)).toEqual(['proposed', 'accepted']);

    const regions = await race((racer) =>
      app.call('PUT', '/api/regional-networks/R-race', {
        token: tokens['EC:admin'],
        body: { name: `Region by racer ${racer}`, hostCountries: ['SN', 'GH'], version: 0 },
      }),
    );
    const namer = theOneWinner(regions);
    const listed = await app.call('GET', '/api/regional-networks', { token: tokens['FR:reader'] });
    expect(listed.json.items).toEqual([
      expect.objectContaining({ id: 'R-race', name: `Region by racer ${namer}`, version: 1 }),
    ]);
    expect(await auditActions('region:R-race')).toEqual(['region_created']);
  });
});

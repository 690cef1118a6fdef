import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as erasePersonalData } from '../../functions/handlers/erase-personal-data.ts';
import { brusselsDate } from '../../shared/semesters.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let app: TestApp;
const tokens: Record<string, string> = {};
const who = [
  'DE:editor',
  'DE:coordinator',
  'DE:reader',
  'FR:editor',
  'EC:admin',
  'COUNCIL:reader',
  'EP:reader',
  'EBCG:reader',
];

const today = brusselsDate(new Date());
const shiftYears = (years: number) => `${Number(today.slice(0, 4)) + years}${today.slice(4, 10)}`;
const PAST = shiftYears(-1);
const FUTURE = shiftYears(1);

function secondmentBody(overrides: Record<string, unknown> = {}) {
  return {
    hostCountry: 'TR',
    post: { city: 'Ankara', mission: 'embassy' },
    authority: 'Bundespolizei',
    officer: { name: 'Erika Mustermann', email: 'erika.mustermann@example.org', phone: '+49 30 1234567' },
    startDate: PAST,
    tasks: ['flows', 'document_fraud'],
    taskDescription: 'Document advice to carriers at Istanbul airport.',
    regionalCoverage: ['GE'],
    languages: ['de', 'en', 'tr'],
    ...overrides,
  };
}

async function create(as = 'DE:editor', overrides: Record<string, unknown> = {}) {
  const answer = await app.call('POST', '/api/secondments', {
    token: tokens[as],
    body: secondmentBody(overrides),
  });
  expect(answer.status, JSON.stringify(answer.json)).toBe(201);
  return answer.json;
}

async function notify(id: string, version: number, as = 'DE:editor') {
  return app.call('POST', `/api/secondments/${id}/notify`, { token: tokens[as], body: { version } });
}

async function createNotified(overrides: Record<string, unknown> = {}) {
  const draft = await create('DE:editor', overrides);
  const notified = await notify(draft.id, draft.version);
  expect(notified.status).toBe(200);
  return notified.json;
}

beforeAll(async () => {
  app = await startTestApp();
  for (const key of who) {
    const [organisation, role] = key.split(':') as [string, string];
    tokens[key] = await app.login(organisation, role);
  }
});
afterAll(async () => {
  await app?.stop();
});

describe('creating a draft', () => {
  it("creates a draft for the caller's state, version 1, with the actions it allows", async () => {
    const draft = await create();
    expect(draft).toMatchObject({
      state: 'DE',
      status: 'draft',
      version: 1,
      hostCountry: 'TR',
      allowed: ['edit', 'notify'],
    });
    expect(draft.id).toMatch(/^[0-9A-Z]{26}$/);
    expect(draft.officer).toEqual({
      name: 'Erika Mustermann',
      email: 'erika.mustermann@example.org',
      phone: '+49 30 1234567',
    });
    expect(draft.phase).toBeUndefined();
  });

  it('never takes the state from the body', async () => {
    const answer = await app.call('POST', '/api/secondments', {
      token: tokens['DE:editor'],
      body: { ...secondmentBody(), state: 'FR' },
    });
    expect(answer.status).toBe(400);
    expect(answer.json.error.fields).toHaveProperty('state');
  });

  it('is refused to readers and to organisations that are not states', async () => {
    for (const as of ['DE:reader', 'EC:admin', 'COUNCIL:reader']) {
      const answer = await app.call('POST', '/api/secondments', {
        token: tokens[as],
        body: secondmentBody(),
      });
      expect(answer.status, as).toBe(403);
    }
  });

  it.each([
    ['a participating state as host country', { hostCountry: 'FR' }, 'hostCountry'],
    ['a state in the regional coverage', { regionalCoverage: ['GE', 'DE'] }, 'regionalCoverage.1'],
    ['the host country in its own coverage', { regionalCoverage: ['TR'] }, 'regionalCoverage'],
    ['no task', { tasks: [] }, 'tasks'],
    ['a task outside Art. 2', { tasks: ['flows', 'cooking'] }, 'tasks.1'],
    ['a bad e-mail', { officer: { name: 'A', email: 'not-an-email' } }, 'officer.email'],
    ['an end before the start', { startDate: '2026-05-01', endDate: '2026-04-30' }, 'endDate'],
    ['an impossible date', { startDate: '2026-02-30' }, 'startDate'],
    ['an overlong city', { post: { city: 'x'.repeat(101), mission: 'embassy' } }, 'post.city'],
    ['an unknown mission', { post: { city: 'Ankara', mission: 'palace' } }, 'post.mission'],
    ['an unknown field', { salary: 1 }, 'salary'],
  ])('names the field when given %s', async (_case, overrides, field) => {
    const answer = await app.call('POST', '/api/secondments', {
      token: tokens['DE:editor'],
      body: secondmentBody(overrides),
    });
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe('invalid_request');
    expect(Object.keys(answer.json.error.fields)).toContain(field);
  });
});

describe('who sees what', () => {
  it('shows a draft to its state alone', async () => {
    const draft = await create();
    const path = `/api/secondments/${draft.id}`;
    expect((await app.call('GET', path, { token: tokens['DE:reader'] })).status).toBe(200);
    for (const as of ['FR:editor', 'EC:admin', 'COUNCIL:reader']) {
      expect((await app.call('GET', path, { token: tokens[as] })).status, as).toBe(404);
    }
    expect((await app.call('GET', path, { token: tokens['EP:reader'] })).status).toBe(403);
    expect((await app.call('GET', path, { token: tokens['EBCG:reader'] })).status).toBe(403);
  });

  it('shows a notified secondment to every state, EC and COUNCIL, and the officer to states and EC only', async () => {
    const notified = await createNotified();
    const path = `/api/secondments/${notified.id}`;
    const matrix = {
      'DE:editor': { status: 200, officer: true },
      'FR:editor': { status: 200, officer: true },
      'EC:admin': { status: 200, officer: true },
      'COUNCIL:reader': { status: 200, officer: false },
      'EP:reader': { status: 403, officer: false },
      'EBCG:reader': { status: 403, officer: false },
    };
    for (const [as, expected] of Object.entries(matrix)) {
      const answer = await app.call('GET', path, { token: tokens[as] });
      expect(answer.status, as).toBe(expected.status);
      if (answer.status === 200) {
        expect(answer.json.officer !== undefined, `${as} officer`).toBe(expected.officer);
        expect(JSON.stringify(answer.json).includes('Mustermann'), `${as} name`).toBe(expected.officer);
      }
    }
  });

  it("never lists another state's drafts, and lists one's own on request", async () => {
    const draft = await create('DE:editor', { hostCountry: 'MA' });
    const asFrance = await app.call('GET', '/api/secondments?hostCountry=MA', { token: tokens['FR:editor'] });
    expect(asFrance.json.items.map((s: { id: string }) => s.id)).not.toContain(draft.id);
    const asFranceByState = await app.call('GET', '/api/secondments?state=DE&status=draft', {
      token: tokens['FR:editor'],
    });
    expect(asFranceByState.json.items).toEqual([]);
    const own = await app.call('GET', '/api/secondments?state=DE&status=draft', {
      token: tokens['DE:reader'],
    });
    expect(own.json.items.map((s: { id: string }) => s.id)).toContain(draft.id);
    expect(own.json.items.every((s: { officer?: unknown }) => s.officer === undefined)).toBe(true);
  });

  it("fills each page despite others' drafts in between, and pages through all", async () => {
    const expected: string[] = [];
    for (let i = 0; i < 3; i++) {
      await create('DE:editor', { hostCountry: 'BJ' }); // a draft FR must not see
      expected.push((await createNotified({ hostCountry: 'BJ' })).id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    const sizes: number[] = [];
    do {
      const query = `/api/secondments?hostCountry=BJ&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await app.call('GET', query, { token: tokens['FR:editor'] });
      expect(page.status).toBe(200);
      sizes.push(page.json.items.length);
      seen.push(...page.json.items.map((s: { id: string }) => s.id));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(sizes[0]).toBe(2);
    expect(seen.sort()).toEqual(expected.sort());
    const bad = await app.call('GET', '/api/secondments?cursor=not-a-cursor', { token: tokens['FR:editor'] });
    expect(bad.status).toBe(400);
  });

  it('filters by host country, state and phase', async () => {
    const planned = await createNotified({ hostCountry: 'SN', startDate: FUTURE });
    const active = await createNotified({ hostCountry: 'SN', startDate: PAST });
    const byHost = await app.call('GET', '/api/secondments?hostCountry=SN', {
      token: tokens['COUNCIL:reader'],
    });
    expect(byHost.json.items.map((s: { id: string }) => s.id).sort()).toEqual([planned.id, active.id].sort());
    const plannedOnly = await app.call('GET', '/api/secondments?hostCountry=SN&phase=planned', {
      token: tokens['FR:editor'],
    });
    expect(plannedOnly.json.items.map((s: { id: string }) => s.id)).toEqual([planned.id]);
    expect(plannedOnly.json.items[0].phase).toBe('planned');
    const all = await app.call('GET', '/api/secondments?limit=100', { token: tokens['FR:editor'] });
    expect(all.json.items.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining([planned.id, active.id]),
    );
    const bad = await app.call('GET', '/api/secondments?phase=someday', { token: tokens['FR:editor'] });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toHaveProperty('query.phase');
  });
});

describe('changing a secondment', () => {
  it("is only for the seconding state's editors and coordinators", async () => {
    const notified = await createNotified();
    for (const as of ['FR:editor', 'DE:reader', 'EC:admin']) {
      const answer = await app.call('PUT', `/api/secondments/${notified.id}`, {
        token: tokens[as],
        body: { ...secondmentBody(), version: notified.version },
      });
      expect(answer.status, as).toBe(403);
    }
    expect(notified.allowed).toEqual(['edit', 'end']);
    const asFrance = await app.call('GET', `/api/secondments/${notified.id}`, { token: tokens['FR:editor'] });
    expect(asFrance.json.allowed).toEqual([]);
  });

  it('answers a stale version with 409 and changes nothing', async () => {
    const draft = await create();
    const first = await app.call('PUT', `/api/secondments/${draft.id}`, {
      token: tokens['DE:editor'],
      body: { ...secondmentBody({ post: { city: 'Izmir', mission: 'consulate' } }), version: 1 },
    });
    expect(first.status).toBe(200);
    expect(first.json.version).toBe(2);
    const stale = await app.call('PUT', `/api/secondments/${draft.id}`, {
      token: tokens['DE:coordinator'],
      body: { ...secondmentBody({ post: { city: 'Bursa', mission: 'consulate' } }), version: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('stale_version');
    const now = await app.call('GET', `/api/secondments/${draft.id}`, { token: tokens['DE:editor'] });
    expect(now.json.post.city).toBe('Izmir');
    expect(now.json.version).toBe(2);
  });

  it('lets exactly one of two concurrent notifies of one draft succeed', async () => {
    const draft = await create();
    const answers = await Promise.all([
      notify(draft.id, 1, 'DE:editor'),
      notify(draft.id, 1, 'DE:coordinator'),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const history = await app.call('GET', `/api/secondments/${draft.id}/history`, {
      token: tokens['DE:editor'],
    });
    expect(history.json.items.filter((v: { action: string }) => v.action === 'notified')).toHaveLength(1);
    const feed = await app.call('GET', '/api/feed?limit=100', { token: tokens['FR:editor'] });
    const entries = feed.json.items.filter(
      (e: { secondment: { id: string } }) => e.secondment.id === draft.id,
    );
    expect(entries).toHaveLength(1);
  });

  it('refuses to notify twice', async () => {
    const notified = await createNotified();
    const again = await notify(notified.id, notified.version);
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('not_editable');
  });
});

describe('notification, amendment, history and feed', () => {
  it('informs every other state, EC and COUNCIL, and keeps every version readable', async () => {
    const notified = await createNotified({ hostCountry: 'NE' });
    expect(notified).toMatchObject({ status: 'notified', version: 2, phase: 'active' });

    const frenchFeed = await app.call('GET', '/api/feed?limit=100', { token: tokens['FR:editor'] });
    expect(frenchFeed.json.items).toContainEqual(
      expect.objectContaining({
        kind: 'secondment_notified',
        from: 'DE',
        secondment: expect.objectContaining({ id: notified.id }),
      }),
    );
    for (const as of ['EC:admin', 'COUNCIL:reader']) {
      const feed = await app.call('GET', '/api/feed?limit=100', { token: tokens[as] });
      expect(
        feed.json.items.some((e: { secondment: { id: string } }) => e.secondment.id === notified.id),
        as,
      ).toBe(true);
    }
    for (const as of ['DE:editor', 'EP:reader']) {
      const feed = await app.call('GET', '/api/feed?limit=100', { token: tokens[as] });
      expect(
        feed.json.items.some((e: { secondment: { id: string } }) => e.secondment.id === notified.id),
        as,
      ).toBe(false);
    }

    const amended = await app.call('PUT', `/api/secondments/${notified.id}`, {
      token: tokens['DE:coordinator'],
      body: {
        ...secondmentBody({ hostCountry: 'NE', post: { city: 'Niamey', mission: 'host_authority' } }),
        version: 2,
      },
    });
    expect(amended.status).toBe(200);
    expect(amended.json).toMatchObject({ status: 'notified', version: 3 });
    const frenchFeedAfter = await app.call('GET', '/api/feed?limit=1', { token: tokens['FR:editor'] });
    expect(frenchFeedAfter.json.items[0]).toMatchObject({
      kind: 'secondment_amended',
      secondment: { id: notified.id, version: 3 },
    });
    expect(frenchFeedAfter.json.nextCursor).toEqual(expect.any(String));

    const ownHistory = await app.call('GET', `/api/secondments/${notified.id}/history`, {
      token: tokens['DE:reader'],
    });
    expect(ownHistory.json.items.map((v: { action: string }) => v.action)).toEqual([
      'created',
      'notified',
      'amended',
    ]);
    expect(ownHistory.json.items[2].secondment.post.city).toBe('Niamey');
    expect(ownHistory.json.items[0].secondment.post.city).toBe('Ankara');
    const frenchHistory = await app.call('GET', `/api/secondments/${notified.id}/history`, {
      token: tokens['FR:editor'],
    });
    expect(frenchHistory.json.items.map((v: { version: number }) => v.version)).toEqual([2, 3]);
    expect(JSON.stringify(frenchHistory.json)).not.toContain('Mustermann');
  });
});

describe('ending and withdrawing', () => {
  it('ends with an end date on or after the start', async () => {
    const notified = await createNotified({ startDate: PAST });
    const tooEarly = await app.call('POST', `/api/secondments/${notified.id}/end`, {
      token: tokens['DE:editor'],
      body: { version: notified.version, endDate: shiftYears(-2) },
    });
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.json.error.fields).toHaveProperty('endDate');
    const ended = await app.call('POST', `/api/secondments/${notified.id}/end`, {
      token: tokens['DE:editor'],
      body: { version: notified.version, endDate: today },
    });
    expect(ended.status).toBe(200);
    expect(ended.json).toMatchObject({ status: 'ended', endDate: today, phase: 'active' });
  });

  it('withdraws only while planned', async () => {
    const active = await createNotified({ startDate: PAST });
    const refused = await app.call('POST', `/api/secondments/${active.id}/withdraw`, {
      token: tokens['DE:editor'],
      body: { version: active.version },
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('not_editable');

    const planned = await createNotified({ startDate: FUTURE });
    expect(planned.allowed).toContain('withdraw');
    const withdrawn = await app.call('POST', `/api/secondments/${planned.id}/withdraw`, {
      token: tokens['DE:editor'],
      body: { version: planned.version },
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.json).toMatchObject({ status: 'withdrawn', allowed: [] });
  });

  it('answers a malformed id with 400 and an unknown one with 404', async () => {
    expect((await app.call('GET', '/api/secondments/nope', { token: tokens['DE:editor'] })).status).toBe(400);
    const unknown = await app.call('GET', '/api/secondments/01ARZ3NDEKTSV4RRFFQ69G5FAV', {
      token: tokens['DE:editor'],
    });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('not_found');
  });
});

describe('audit', () => {
  it('records every write with actor, time, before and after, without personal data', async () => {
    const notified = await createNotified();
    const trail = await app.call('GET', `/api/audit?entity=secondment:${notified.id}`, {
      token: tokens['DE:reader'],
    });
    expect(trail.status).toBe(200);
    expect(trail.json.items.map((e: { action: string }) => e.action)).toEqual(['created', 'notified']);
    const [created, notifiedEntry] = trail.json.items;
    expect(created.before).toBeUndefined();
    expect(created.actor).toMatchObject({ organisation: 'DE', role: 'editor', subject: expect.any(String) });
    expect(notifiedEntry.before.status).toBe('draft');
    expect(notifiedEntry.after.status).toBe('notified');
    expect(JSON.stringify(trail.json)).not.toContain('Mustermann');

    expect(
      (await app.call('GET', `/api/audit?entity=secondment:${notified.id}`, { token: tokens['EC:admin'] }))
        .status,
    ).toBe(200);
    expect(
      (await app.call('GET', `/api/audit?entity=secondment:${notified.id}`, { token: tokens['FR:editor'] }))
        .status,
    ).toBe(403);
    expect((await app.call('GET', '/api/audit?entity=meeting:x', { token: tokens['EC:admin'] })).status).toBe(
      400,
    );
  });
});

describe('erasing personal data', () => {
  it('erases the officer 24 months after the end, and not before', async () => {
    const longEnded = await createNotified({ startDate: '2020-01-01', endDate: '2022-06-30' });
    const recentlyEnded = await createNotified({ startDate: '2024-01-01', endDate: shiftYears(-1) });

    // The day before the retention period is over, nothing is erased.
    await erasePersonalData({ time: '2024-06-29T12:00:00Z' });
    const before = await app.call('GET', `/api/secondments/${longEnded.id}`, { token: tokens['FR:editor'] });
    expect(before.json.officer.name).toBe('Erika Mustermann');

    const result = await erasePersonalData({ time: new Date().toISOString() });
    expect(result.erased).toBeGreaterThanOrEqual(1);
    const erased = await app.call('GET', `/api/secondments/${longEnded.id}`, { token: tokens['FR:editor'] });
    expect(erased.status).toBe(200);
    expect(erased.json.officer).toBeUndefined();
    expect(erased.json.officerErasedAt).toEqual(expect.any(String));
    expect(erased.json.hostCountry).toBe('TR');
    const kept = await app.call('GET', `/api/secondments/${recentlyEnded.id}`, {
      token: tokens['FR:editor'],
    });
    expect(kept.json.officer.name).toBe('Erika Mustermann');

    const trail = await app.call('GET', `/api/audit?entity=secondment:${longEnded.id}`, {
      token: tokens['EC:admin'],
    });
    expect(trail.json.items.at(-1)).toMatchObject({
      action: 'personal_data_erased',
      actor: { organisation: 'SYSTEM' },
    });
    // Erasing again finds nothing more to do.
    const again = await erasePersonalData({ time: new Date().toISOString() });
    const stillErased = await app.call('GET', `/api/secondments/${longEnded.id}`, {
      token: tokens['DE:editor'],
    });
    expect(stillErased.json.officer).toBeUndefined();
    expect(again.erased).toBe(0);
  });
});

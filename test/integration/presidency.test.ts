import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brusselsDate, semesterIdAt } from '../../shared/semesters.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let app: TestApp;
const tokens: Record<string, string> = {};
const people = ['DE:editor', 'DE:coordinator', 'FR:editor', 'EC:admin', 'COUNCIL:reader'];
const today = brusselsDate(new Date());
const current = semesterIdAt(new Date());
const LAST_YEAR = `${Number(today.slice(0, 4)) - 1}-03-01`;

interface ReferenceSemester {
  id: string;
  presidency: string;
  status: string;
  version: number;
}

const setPresidency = (semester: string, body: unknown, as = 'EC:admin') =>
  app.call('PUT', `/api/reference/presidency/${semester}`, { token: tokens[as], body });

async function calendar(): Promise<ReferenceSemester[]> {
  const reference = await app.call('GET', '/api/reference', { token: tokens['COUNCIL:reader'] });
  expect(reference.status).toBe(200);
  return reference.json.semesters;
}

const entry = async (id: string) => (await calendar()).find((s) => s.id === id);

async function secondment(as: string, hostCountry: string) {
  const created = await app.call('POST', '/api/secondments', {
    token: tokens[as],
    body: {
      hostCountry,
      post: { city: 'Capital', mission: 'embassy' },
      authority: 'Border police',
      officer: { name: 'Officer Name' },
      startDate: LAST_YEAR,
      tasks: ['flows'],
    },
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const notified = await app.call('POST', `/api/secondments/${created.json.id}/notify`, {
    token: tokens[as],
    body: { version: created.json.version },
  });
  expect(notified.status).toBe(200);
}

const draftingState = async (networkId: string) =>
  (
    await app.call('GET', `/api/networks/${networkId}?semester=${current}`, {
      token: tokens['COUNCIL:reader'],
    })
  ).json.semester.draftingState;

beforeAll(async () => {
  app = await startTestApp();
  Object.assign(tokens, await app.loginAll(people));
});
afterAll(async () => {
  await app?.stop();
});

describe('the Presidency calendar, kept by the Commission', () => {
  it('lets the EC admin add 2031-H1, which then joins the semesters, and correct it with its version', async () => {
    expect(await entry('2031-H1')).toBeUndefined();
    const added = await setPresidency('2031-H1', { state: 'PL', version: 0 });
    expect(added.status, JSON.stringify(added.json)).toBe(200);
    expect(added.json).toEqual({ semester: '2031-H1', presidency: 'PL', status: 'open', version: 1 });
    expect(await entry('2031-H1')).toMatchObject({ presidency: 'PL', status: 'open', version: 1 });
    const semesters = await app.call('GET', '/api/semesters', { token: tokens['COUNCIL:reader'] });
    expect(semesters.json.items.map((s: { id: string }) => s.id)).toContain('2031-H1');

    // A second add, or a correction from an outdated read, is refused: nothing changes.
    const again = await setPresidency('2031-H1', { state: 'PL', version: 0 });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('stale_version');
    // Any participating state may hold it, bound or not: Denmark is not bound.
    const corrected = await setPresidency('2031-H1', { state: 'DK', version: 1 });
    expect(corrected.status, JSON.stringify(corrected.json)).toBe(200);
    expect(corrected.json.version).toBe(2);
    const stale = await setPresidency('2031-H1', { state: 'SE', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('stale_version');
    expect(await entry('2031-H1')).toMatchObject({ presidency: 'DK', version: 2 });

    // Audited with what it was and what it became.
    const trail = await app.call('GET', '/api/audit?entity=semester:2031-H1', { token: tokens['EC:admin'] });
    expect(trail.status).toBe(200);
    const entries = trail.json.items.map((e: { action: string; before: unknown; after: unknown }) => ({
      action: e.action,
      before: e.before,
      after: e.after,
    }));
    expect(entries).toEqual(
      expect.arrayContaining([
        { action: 'presidency_added', before: undefined, after: { presidency: 'PL' } },
        { action: 'presidency_corrected', before: { presidency: 'PL' }, after: { presidency: 'DK' } },
      ]),
    );
    expect(entries).toHaveLength(2);
  });

  it('is refused to anyone but the EC admin, and names the field of a wrong state or semester', async () => {
    const version = (await entry('2030-H2'))?.version;
    for (const as of ['DE:coordinator', 'COUNCIL:reader']) {
      const refused = await setPresidency('2030-H2', { state: 'DE', version }, as);
      expect(refused.status).toBe(403);
    }
    expect(await entry('2030-H2')).toMatchObject({ presidency: 'MT', version });

    const notParticipating = await setPresidency('2030-H2', { state: 'US', version });
    expect(notParticipating.status).toBe(400);
    expect(notParticipating.json.error.fields).toHaveProperty('state');
    const ended = await setPresidency('2023-H2', { state: 'ES', version: 0 });
    expect(ended.status).toBe(400);
    expect(ended.json.error.fields).toHaveProperty('semester');
    const farAhead = await setPresidency('2099-H1', { state: 'ES', version: 0 });
    expect(farAhead.status).toBe(400);
    expect(farAhead.json.error.fields).toHaveProperty('semester');
    expect((await calendar()).map((s) => s.id)).not.toContain('2099-H1');
  });

  it('refuses a closed semester with 409 semester_closed', async () => {
    const closable = (await calendar()).find((s) => s.status === 'open' && s.id < current);
    if (!closable) throw new Error('no ended, still open semester to close');
    const closed = await app.call('POST', `/api/semesters/${closable.id}/close`, {
      token: tokens['EC:admin'],
      body: {},
    });
    expect(closed.status).toBe(200);
    const { version, presidency } = (await entry(closable.id)) as ReferenceSemester;
    const refused = await setPresidency(closable.id, { state: 'ES', version });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('semester_closed');
    expect(await entry(closable.id)).toMatchObject({ presidency, version, status: 'closed' });
  });

  it('moves the drafting state of the open semester with it, until the close settles it', async () => {
    // Burkina Faso: DE with two ILOs, FR with one.
    await secondment('DE:editor', 'BF');
    await secondment('DE:editor', 'BF');
    await secondment('FR:editor', 'BF');
    const before = (await entry(current)) as ReferenceSemester;
    expect(['DE', 'FR']).not.toContain(before.presidency);
    expect(await draftingState('BF')).toEqual({ state: 'DE', reason: 'fallback' });

    const toFrance = await setPresidency(current, { state: 'FR', version: before.version });
    expect(toFrance.status, JSON.stringify(toFrance.json)).toBe(200);
    expect(await draftingState('BF')).toEqual({ state: 'FR', reason: 'presidency' });

    const closed = await app.call('POST', `/api/semesters/${current}/close`, {
      token: tokens['EC:admin'],
      body: { force: true },
    });
    expect(closed.status).toBe(200);
    const { version } = (await entry(current)) as ReferenceSemester;
    const afterClose = await setPresidency(current, { state: before.presidency, version });
    expect(afterClose.status).toBe(409);
    expect(afterClose.json.error.code).toBe('semester_closed');
    expect(await draftingState('BF')).toEqual({ state: 'FR', reason: 'presidency' });
  });
});

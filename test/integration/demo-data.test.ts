import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStaffEmail, seedDemoSecondments } from '../../local/demo-data.ts';
import { previousSemesterId, semesterIdAt } from '../../shared/semesters.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

describe('demo data of npm start', () => {
  it('writes about forty notified secondments across 8+ states and 10+ host countries, network activity and arrangements, once', async () => {
    expect(await seedDemoSecondments(new Date())).toBe(40);
    expect(await seedDemoSecondments(new Date())).toBe(0);

    const token = await app.login('EC', 'reader');
    const list = await app.call('GET', '/api/secondments?limit=100', { token });
    const items: { state: string; hostCountry: string; phase: string; status: string }[] = list.json.items;
    expect(items).toHaveLength(40);
    expect(new Set(items.map((s) => s.state)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(items.map((s) => s.hostCountry)).size).toBeGreaterThanOrEqual(10);
    const phases = new Set(items.map((s) => s.phase));
    expect([...phases].sort()).toEqual(['active', 'ended', 'planned']);
    expect(items.every((s) => s.status !== 'draft')).toBe(true);

    const feed = await app.call('GET', '/api/feed?limit=100', { token: await app.login('FR', 'reader') });
    expect(feed.json.items.length).toBeGreaterThan(30);

    // Activities in the current and the previous semester, and two arrangements.
    const networks = await app.call('GET', '/api/networks', { token });
    const busy = networks.json.items.filter((n: { members: unknown[] }) => n.members.length >= 2);
    expect(busy.length).toBeGreaterThan(0);
    const current = semesterIdAt(new Date());
    let activitiesNow = 0;
    let activitiesBefore = 0;
    for (const network of busy) {
      activitiesNow += (await app.call('GET', `/api/networks/${network.id}`, { token })).json.activities
        .length;
      const before = await app.call(
        'GET',
        `/api/networks/${network.id}?semester=${previousSemesterId(current)}`,
        { token },
      );
      activitiesBefore += before.json.activities.length;
    }
    expect(activitiesNow).toBeGreaterThanOrEqual(4);
    expect(activitiesBefore).toBeGreaterThanOrEqual(4);
    // Contributions: the previous semester complete in some networks, incomplete in others; drafts now.
    const before = await app.call('GET', `/api/semesters/${previousSemesterId(current)}`, { token });
    const complete = before.json.networks.filter(
      (n: { expected: string[]; submitted: string[] }) => n.submitted.length === n.expected.length,
    );
    const incomplete = before.json.networks.filter(
      (n: { expected: string[]; submitted: string[] }) => n.submitted.length < n.expected.length,
    );
    expect(complete.length).toBeGreaterThan(0);
    expect(incomplete.length).toBeGreaterThan(0);
    const now = await app.call('GET', `/api/semesters/${current}`, { token });
    expect(now.json.networks.some((n: { drafts: string[] }) => n.drafts.length > 0)).toBe(true);

    const arrangements = await app.call('GET', '/api/arrangements', { token });
    expect(arrangements.json.items.map((a: { status: string }) => a.status).sort()).toEqual([
      'in_effect',
      'proposed',
    ]);
  });

  it('puts a coordinator, an editor and a reader of each demo state in the directory, who sign in by e-mail', async () => {
    // The first test seeded the demo data.
    const admin = await app.login('EC', 'admin');
    for (const state of ['DE', 'FR', 'GR']) {
      const people = await app.call('GET', `/api/people?organisation=${state}`, { token: admin });
      const roles = people.json.items.map((p: { role: string }) => p.role);
      expect(roles).toEqual(expect.arrayContaining(['coordinator', 'editor', 'reader']));
    }
    const signIn = await app.call('POST', '/api/dev/login', {
      body: { email: demoStaffEmail('Katrin Vogel', 'DE') },
    });
    expect(signIn.status).toBe(200);
    const me = await app.call('GET', '/api/me', { token: signIn.json.token });
    expect(me.json).toMatchObject({ organisation: 'DE', role: 'coordinator', name: 'Katrin Vogel' });
  });
});

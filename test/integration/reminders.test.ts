import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as sendReminders } from '../../functions/handlers/send-reminders.ts';
import { semester, semesterIdAt } from '../../shared/semesters.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let app: TestApp;
const current = semesterIdAt(new Date());
const daysBeforeEnd = (days: number) =>
  new Date(Date.parse(semester(current).endsAt) - days * 86_400_000 + 3_600_000).toISOString();

beforeAll(async () => {
  app = await startTestApp();
  for (const state of ['DE', 'FR']) {
    const token = await app.login(state, 'editor');
    const created = await app.call('POST', '/api/secondments', {
      token,
      body: {
        hostCountry: 'ML',
        post: { city: 'Bamako', mission: 'embassy' },
        authority: 'Police',
        officer: { name: 'Officer' },
        startDate: '2020-01-01',
        tasks: ['routes'],
      },
    });
    await app.call('POST', `/api/secondments/${created.json.id}/notify`, { token, body: { version: 1 } });
  }
});
afterAll(async () => {
  await app?.stop();
});

const reminders = async (state: string) => {
  const feed = await app.call('GET', '/api/feed?limit=100', { token: await app.login(state, 'reader') });
  return feed.json.items.filter((e: { kind: string }) => e.kind === 'contribution_reminder');
};

describe('contribution reminders', () => {
  it('go 14 and 3 days before the end to states with contributions outstanding, once each', async () => {
    expect((await sendReminders({ time: daysBeforeEnd(20) })).sent).toBe(0);

    const fourteen = await Promise.all([
      sendReminders({ time: daysBeforeEnd(14) }),
      sendReminders({ time: daysBeforeEnd(14) }),
    ]);
    expect(fourteen.map((r) => r.sent).sort()).toEqual([0, 2]);
    expect(await reminders('DE')).toEqual([
      expect.objectContaining({
        from: 'EC',
        reminder: { semester: current, daysLeft: 14, networks: ['ML'] },
      }),
    ]);
    expect((await sendReminders({ time: daysBeforeEnd(10) })).sent).toBe(0);

    // DE submits; only FR is reminded 3 days before the end.
    const path = `/api/semesters/${current}/networks/ML/contributions/DE`;
    const saved = await app.call('PUT', path, {
      token: await app.login('DE', 'editor'),
      body: {
        templateVersion: 1,
        version: 0,
        values: {
          'A2.text': 'a',
          'B1.text': 'b',
          'B4.text': 'c',
          'C.personsNotBoarded': 0,
          'C.fraudulentDocuments': 0,
          'C.returnsFacilitated': 0,
          'C.trainingSessions': 0,
          'C.trainingParticipants': 0,
          'C.meetings': 0,
        },
      },
    });
    const submitted = await app.call('POST', `${path}/submit`, {
      token: await app.login('DE', 'coordinator'),
      body: { version: saved.json.version },
    });
    expect(submitted.status).toBe(200);
    expect(await sendReminders({ time: daysBeforeEnd(3) })).toEqual({ sent: 1, threshold: 3 });
    expect(await reminders('DE')).toHaveLength(1);
    expect(await reminders('FR')).toHaveLength(2);
  });
});

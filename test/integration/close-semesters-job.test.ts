import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as closeSemesters } from '../../functions/handlers/close-semesters.ts';
import { previousSemesterId, semester, semesterIdAt } from '../../shared/semesters.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

describe('the scheduled semester close', () => {
  it('closes every ended semester still open, once, even when two runs overlap', async () => {
    const current = semesterIdAt(new Date());
    const previous = previousSemesterId(current);
    // Just before the previous semester ended: nothing of it is closed yet.
    const early = await closeSemesters({
      time: new Date(Date.parse(semester(previous).endsAt) - 1000).toISOString(),
    });
    expect(early.closed).not.toContain(previous);

    const time = new Date().toISOString();
    const [first, second] = await Promise.all([closeSemesters({ time }), closeSemesters({ time })]);
    const closedOnce = [...first.closed, ...second.closed].filter((id) => id === previous);
    expect(closedOnce).toEqual([previous]);
    expect(first.closed).not.toContain(current);

    const token = await app.login('EC', 'admin');
    const list = await app.call('GET', '/api/semesters', { token });
    const byId = new Map(
      list.json.items.map((s: { id: string; status: string; closedAt?: string }) => [s.id, s]),
    );
    expect(byId.get(previous)).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect(byId.get(current)).toMatchObject({ status: 'open' });
    const closedAt = (byId.get(previous) as { closedAt: string }).closedAt;

    // A later run changes nothing.
    const again = await closeSemesters({ time: new Date().toISOString() });
    expect(again.closed).toEqual([]);
    const after = await app.call('GET', `/api/semesters/${previous}`, { token });
    expect(after.json.closedAt).toBe(closedAt);
  });
});

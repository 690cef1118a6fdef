import { expect } from 'vitest';
import type { TestApp } from './app.ts';

/**
 * A notified secondment of `state` to `hostCountry`, made through the API by the state's editor as the
 * web app would (created, then notified), for tests that need a network to exist.
 */
export async function notifySecondment(
  app: TestApp,
  {
    state,
    hostCountry,
    city,
    startDate,
  }: { state: string; hostCountry: string; city: string; startDate: string },
): Promise<void> {
  const token = await app.login(state, 'editor');
  const created = await app.call('POST', '/api/secondments', {
    token,
    body: {
      hostCountry,
      post: { city, mission: 'embassy' },
      authority: 'Police',
      officer: { name: 'Officer' },
      startDate,
      tasks: ['flows', 'routes'],
      taskDescription: '',
      regionalCoverage: [],
      languages: [],
    },
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const notified = await app.call('POST', `/api/secondments/${created.json.id}/notify`, {
    token,
    body: { version: 1 },
  });
  expect(notified.status, JSON.stringify(notified.json)).toBe(200);
}

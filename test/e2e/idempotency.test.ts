import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '#shared/dates.ts';
import { brusselsDate } from '#shared/semesters.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { browserPeople, launchBrowser, signInThroughPage } from '../support/browser.ts';
import { notifySecondment } from '../support/seed.ts';

// The web app sends an Idempotency-Key with each submission and the same key when the same submission
// is sent again: a meeting whose answer was lost on the way back is recorded once, not twice.
let app: TestApp;
let browser: Browser;
const people = browserPeople(() => ({ browser, baseUrl: app.baseUrl }));
const today = brusselsDate(new Date());

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({ serveWeb: true }), launchBrowser()]);
  await notifySecondment(app, {
    state: 'DE',
    hostCountry: 'MA',
    city: 'Rabat',
    startDate: addMonths(today, -1),
  });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});
describe('a submission sent again after its answer was lost', () => {
  it('carries the same Idempotency-Key, and the meeting is recorded once', async () => {
    const de = await signInThroughPage(people(), 'Germany', 'Editor');
    const keys: string[] = [];
    // The first request reaches the API and is answered, but the answer never reaches the page.
    await de.route('**/api/networks/MA/meetings', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (keys.length === 1) {
        await route.fetch();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    await de.goto(`${app.baseUrl}/networks/MA/record/meeting`);
    await de.getByRole('heading', { level: 1, name: 'Record a meeting: Morocco' }).waitFor();
    await de.getByLabel('Topics').fill('Routes through the Strait');
    await de.getByLabel('Summary').fill('Quarterly meeting of the ILOs in Rabat.');
    await de.getByRole('button', { name: 'Record the meeting' }).click();
    await expect.poll(() => keys.length).toBe(1);
    await de.getByRole('alert').first().waitFor();
    expect(de.url()).toMatch(/\/networks\/MA\/record\/meeting/);

    // The person presses the button again.
    await de.getByRole('button', { name: 'Record the meeting' }).click();
    await de.getByText('Meeting recorded.', { exact: false }).waitFor();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);

    const network = await app.call('GET', '/api/networks/MA', { token: await app.login('EC', 'admin') });
    expect(network.json.activities.map((a: { kind: string }) => a.kind)).toEqual(['meeting']);
  });
});

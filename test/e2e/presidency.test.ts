import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { expectNoSeriousViolations, launchBrowser, signInThroughPage } from '../support/browser.ts';

let app: TestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: Error[] = [];

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({ serveWeb: true }), launchBrowser()]);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await app?.stop();
});

const signIn = (organisation: string, role: string) =>
  signInThroughPage({ browser, baseUrl: app.baseUrl, contexts, pageErrors }, organisation, role);

describe('the Presidency calendar in the browser', () => {
  it('lets the EC admin add the Presidency of 2031-H1 with the keyboard, and the semester list shows it', async () => {
    const page = await signIn('European Commission', 'Administrator');
    await page.goto(`${app.baseUrl}/semesters`);
    const main = page.getByRole('main');
    const form = main.getByRole('region', { name: 'Presidency calendar' });
    await form.waitFor();
    await expectNoSeriousViolations(page);

    // Saving with nothing chosen names both fields.
    const submit = form.getByRole('button', { name: 'Save the Presidency' });
    await submit.focus();
    await page.keyboard.press('Enter');
    const semesterField = form.getByLabel('Semester', { exact: true });
    const stateField = form.getByLabel('Presidency', { exact: true });
    await expect.poll(() => semesterField.getAttribute('aria-invalid')).toBe('true');
    expect(await stateField.getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousViolations(page);

    await semesterField.focus();
    await semesterField.selectOption({ label: '2031-H1 (no Presidency yet)' });
    await stateField.focus();
    await stateField.selectOption({ label: 'Poland' });
    await submit.focus();
    await page.keyboard.press('Enter');
    await form.getByRole('status').getByText('Poland holds the Presidency of 2031-H1.').waitFor();

    const coming = main.getByRole('table', { name: 'Coming semesters and their Presidency' });
    await coming.getByRole('row').filter({ hasText: '2031-H1' }).getByText('Poland').waitFor();
    // The next semester beyond the calendar is offered now, and 2031-H1 shows its Presidency.
    await semesterField
      .locator('option', { hasText: '2031-H2 (no Presidency yet)' })
      .waitFor({ state: 'attached' });
    await semesterField.locator('option', { hasText: '2031-H1 (now Poland)' }).waitFor({ state: 'attached' });
    await expectNoSeriousViolations(page);
    expect(pageErrors).toEqual([]);
  });

  it('offers the form to no one else', async () => {
    const page = await signIn('Germany', 'Coordinator');
    await page.goto(`${app.baseUrl}/semesters`);
    await page.getByRole('heading', { level: 1, name: 'Semesters' }).waitFor();
    await page.getByRole('table').first().waitFor();
    expect(await page.getByRole('region', { name: 'Presidency calendar' }).count()).toBe(0);
  });
});

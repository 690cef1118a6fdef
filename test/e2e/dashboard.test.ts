import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultPresidencyCalendar } from '#shared/reference/presidency.ts';
import { daysLeftInSemester, semester, semesterIdAt } from '#shared/semesters.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { describeViolations, launchBrowser, seriousAccessibilityViolations } from '../support/browser.ts';

let app: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({ serveWeb: true }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

beforeEach(async () => {
  // A fresh context per test: its own sessionStorage (no token) and localStorage (no saved language).
  context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Brussels' });
  page = await context.newPage();
});

afterEach(async () => {
  await context?.close();
});

async function expectNoSeriousViolations(): Promise<void> {
  const violations = await seriousAccessibilityViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

/** The text of what a control's aria-describedby points at (its hint and error). */
function descriptionOf(control: Locator): Promise<string> {
  return control.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id: string) => element.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

/** The term and description pairs of the definition list in a dashboard card. */
function factsOf(card: Locator): Promise<Record<string, string>> {
  return card
    .locator('dl > div')
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((row) => [
          row.querySelector('dt')?.textContent ?? '',
          row.querySelector('dd')?.textContent ?? '',
        ]),
      ),
    );
}

/** What the English UI shows for the semester running now, computed from the shared helpers. */
function expectedCurrentSemester(now: Date) {
  const id = semesterIdAt(now);
  const { start, end, year, half } = semester(id);
  const formatDate = (isoDate: string) =>
    new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${isoDate}T00:00:00Z`));
  const presidencyCode = defaultPresidencyCalendar[id];
  if (!presidencyCode) throw new Error(`The default Presidency calendar has no entry for ${id}: extend it`);
  const daysLeft = daysLeftInSemester(id, now);
  return {
    label: `${id} (${half === 1 ? 'first' : 'second'} half of ${year})`,
    period: `${formatDate(start)} – ${formatDate(end)}`,
    presidency: new Intl.DisplayNames(['en-GB'], { type: 'region' }).of(presidencyCode),
    daysLeft: `${daysLeft} ${daysLeft === 1 ? 'day' : 'days'} left`,
  };
}

describe('signing in and the dashboard', () => {
  it('sends a signed-out visitor to sign in, then shows a DE editor who they are and the current semester', async () => {
    await page.goto(`${app.baseUrl}/`);
    await page.waitForURL(/\/sign-in$/);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.title()).toBe('Sign in – ILO Network Platform');
    await expectNoSeriousViolations();

    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Germany' });
    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Editor' });
    await page.getByRole('button', { name: 'Sign in' }).click();

    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.waitForURL(`${app.baseUrl}/`);
    const whoYouAre = main.getByRole('region', { name: 'Who you are' });
    await whoYouAre.waitFor();
    expect(await factsOf(whoYouAre)).toMatchObject({ Organisation: 'Germany', Role: 'Editor' });

    const expected = expectedCurrentSemester(new Date());
    expect(await factsOf(main.getByRole('region', { name: 'Current semester' }))).toEqual({
      Semester: expected.label,
      Period: expected.period,
      'Presidency of the Council': expected.presidency,
      'Time left': expected.daysLeft,
    });

    expect(await page.title()).toBe('Dashboard – ILO Network Platform');
    expect(await page.getByRole('banner').textContent()).toContain('Signed in: Germany, Editor');
    await expectNoSeriousViolations();
  });

  it('on submit, moves focus to the first field in error, selects included, and keeps what was chosen', async () => {
    await page.goto(`${app.baseUrl}/sign-in`);
    const organisation = page.getByLabel('Organisation', { exact: true });
    const role = page.getByLabel('Role', { exact: true });
    const signIn = page.getByRole('button', { name: 'Sign in' });

    await signIn.click();
    expect(await organisation.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(
      true,
    );
    expect(await organisation.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(organisation)).toContain('Choose the organisation you act for');
    await expectNoSeriousViolations();

    await organisation.selectOption({ label: 'European Commission' });
    await signIn.click();
    expect(await role.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    expect(await role.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(role)).toContain('Choose a role this organisation can hold');
    expect(await organisation.inputValue()).toBe('EC');
    // The Commission holds admin and reader only: the state roles are not offered.
    const roleOptions = await role.locator('option').allInnerTexts();
    expect(roleOptions).toEqual(['Choose a role', 'Administrator', 'Reader']);
  });

  it('sends someone whose token the server refuses back to sign in, saying why, then back where they were', async () => {
    await page.goto(`${app.baseUrl}/sign-in`);
    await page.evaluate(() => {
      const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
      const { sessionStorage } = globalThis as unknown as {
        sessionStorage: { setItem(k: string, v: string): void };
      };
      sessionStorage.setItem('ilo.session', JSON.stringify({ token: 'not-a-token', expiresAt: inAnHour }));
    });
    await page.goto(`${app.baseUrl}/?from=bookmark`);
    await page.waitForURL(/\/sign-in\?returnTo=/);
    await page.getByText('Your session has ended.').waitFor();

    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'France' });
    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Reader' });
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('region', { name: 'Who you are' }).getByText('France', { exact: true }).waitFor();
    expect(page.url()).toBe(`${app.baseUrl}/?from=bookmark`);
  });
});

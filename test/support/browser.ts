import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';

/** The system Chromium (Debian's `chromium` package); playwright-core downloads no browser of its own. */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Headless and quiet: no sandbox (containers run as root), no GPU, no background traffic to Google.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/** What the browser tests need of an axe-core result (its own types assume a DOM, which Node lacks). */
export interface AccessibilityViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  /** CSS selectors of the offending elements. */
  targets: string[];
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core over the page as it is now and returns the serious and critical violations: the ones
 * that block people (missing names, too little contrast, broken ARIA), which no page may have.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<AccessibilityViolation[]> {
  // Evaluated through the DevTools protocol rather than added as a <script>, which the app's
  // Content-Security-Policy (script-src 'self') rightly refuses.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    interface AxeResult {
      violations: {
        id: string;
        impact: AccessibilityViolation['impact'];
        help: string;
        helpUrl: string;
        nodes: { target: unknown[] }[];
      }[];
    }
    const { axe } = globalThis as unknown as { axe: { run(options: object): Promise<AxeResult> } };
    const result = await axe.run({ resultTypes: ['violations'] });
    return result.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
      id,
      impact,
      help,
      helpUrl,
      targets: nodes.map((node) => node.target.map(String).join(' ')),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** A readable list of violations for an assertion's message. */
export function describeViolations(violations: readonly AccessibilityViolation[]): string {
  return violations
    .map(
      ({ id, impact, help, helpUrl, targets }) =>
        `${impact} ${id}: ${help} (${helpUrl})\n  at ${targets.join('\n  at ')}`,
    )
    .join('\n');
}

/** Fails the test with a readable list when axe finds a serious or critical violation on the page. */
export async function expectNoSeriousViolations(page: Page): Promise<void> {
  const violations = await seriousAccessibilityViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

export interface BrowserPeople {
  browser: Browser;
  baseUrl: string;
  /** Every context opened, for the test file to close. */
  contexts: BrowserContext[];
  /** Uncaught errors of any page, for the test file to assert there were none. */
  pageErrors: Error[];
}

/**
 * The people of one browser test file, for the sign-in helpers: after each test their contexts are
 * closed, and the test fails on any uncaught error of their pages, not only on what it asserted.
 */
export function browserPeople(started: () => { browser: Browser; baseUrl: string }): () => BrowserPeople {
  const contexts: BrowserContext[] = [];
  const pageErrors: Error[] = [];
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    expect(pageErrors.splice(0)).toEqual([]);
  });
  return () => ({ ...started(), contexts, pageErrors });
}

/** The sign-in page at a new browser (own sessionStorage and localStorage), its errors collected. */
/** A new browser (own sessionStorage and localStorage) at `path` of the app, signed out. */
export async function openAtNewBrowser(people: BrowserPeople, path = '/sign-in'): Promise<Page> {
  const context = await people.browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Brussels' });
  people.contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => people.pageErrors.push(error));
  await page.goto(`${people.baseUrl}${path}`);
  return page;
}

/**
 * A new person at a new browser (own sessionStorage and localStorage), signed in through the
 * sign-in page as a person would, landing on the dashboard (its heading in the person's language).
 */
export async function signInThroughPage(
  people: BrowserPeople,
  organisation: string,
  role: string,
  dashboardHeading = 'Dashboard',
): Promise<Page> {
  const page = await openAtNewBrowser(people);
  await page.getByLabel('Organisation', { exact: true }).selectOption({ label: organisation });
  await page.getByLabel('Role', { exact: true }).selectOption({ label: role });
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: dashboardHeading }).waitFor();
  return page;
}

/**
 * A new person at a new browser, signed in through the sign-in page as a person of the directory,
 * by e-mail address (the local identity provider of the people directory).
 */
export async function signInByEmailThroughPage(people: BrowserPeople, email: string): Promise<Page> {
  const page = await openAtNewBrowser(people);
  await page.getByLabel('A person of the directory, by e-mail address').check();
  await page.getByLabel('E-mail address', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  return page;
}

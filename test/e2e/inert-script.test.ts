import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brusselsDate, previousSemesterId, semesterIdAt } from '#shared/semesters.ts';
import { PAYLOADS } from '../security/payloads.ts';
import { completeValues, secondmentFields } from '../security/world.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { launchBrowser, signInThroughPage } from '../support/browser.ts';

/**
 * Script and markup that states typed, shown by the web app and in the report: in real Chromium, no
 * dialog opens, no element the text describes exists, nothing the text would run has run, and the
 * text reads exactly as it was typed.
 */
let app: TestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: Error[] = [];

/** The payloads, plus one that would leave a trace in the page if it ever ran. */
const SENTINEL = '<img src=x onerror="window.__inert_broken=1">';
const TEXTS = [...PAYLOADS, SENTINEL];

const today = brusselsDate(new Date());
const current = semesterIdAt(new Date());
const previous = previousSemesterId(current);
const lastYear = `${Number(today.slice(0, 4)) - 1}-03-01`;
const narratives = [
  'A2.text',
  'A9.text',
  'B1.text',
  'B3.text',
  'B4.text',
  'B6.text',
  'B7.text',
  'A8.text',
  'A5.text',
];
const hostileValues = {
  ...completeValues,
  ...Object.fromEntries(narratives.map((field, i) => [field, TEXTS[i]])),
};
let secondmentId = '';

async function call(token: string, method: string, path: string, body?: unknown) {
  const answer = await app.call(method, path, { token, ...(body ? { body } : {}) });
  if (answer.status >= 300)
    throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.json)}`);
  return answer.json;
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({ serveWeb: true }), launchBrowser()]);
  const de = await app.login('DE', 'editor');
  const deCoordinator = await app.login('DE', 'coordinator');
  const fr = await app.login('FR', 'editor');
  const ec = await app.login('EC', 'admin');
  const hostile = await call(
    de,
    'POST',
    '/api/secondments',
    secondmentFields('BF', lastYear, {
      authority: PAYLOADS[0],
      post: { city: SENTINEL, mission: 'embassy' },
      taskDescription: TEXTS.join('\n'),
    }),
  );
  secondmentId = hostile.id;
  await call(de, 'POST', `/api/secondments/${secondmentId}/notify`, { version: 1 });
  const other = await call(fr, 'POST', '/api/secondments', secondmentFields('BF', lastYear));
  await call(fr, 'POST', `/api/secondments/${other.id}/notify`, { version: 1 });
  await call(de, 'POST', '/api/networks/BF/meetings', {
    date: today,
    convenedBy: 'DE',
    participants: ['DE', 'FR'],
    commissionPresent: true,
    ebcgPresent: true,
    topics: [PAYLOADS[3]],
    summary: SENTINEL,
  });
  for (const semester of [previous, current]) {
    await call(de, 'PUT', `/api/semesters/${semester}/networks/BF/contributions/DE`, {
      templateVersion: 1,
      version: 0,
      values: hostileValues,
    });
  }
  // Only submitted contributions make the report.
  await call(deCoordinator, 'POST', `/api/semesters/${previous}/networks/BF/contributions/DE/submit`, {
    version: 1,
  });
  await call(ec, 'POST', `/api/semesters/${previous}/close`, {});
  await app.reportQueue.idle();
  // The drafting state's assessment, too, reaches the report.
  const report = await call(deCoordinator, 'GET', `/api/semesters/${previous}/reports/BF`);
  await call(deCoordinator, 'PUT', `/api/semesters/${previous}/reports/BF/assessment`, {
    assessment: SENTINEL,
    revision: report.revision,
  });
}, 120_000);

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await browser?.close();
  await app?.stop();
});

/** Elements and traces the payloads would have made, in the page and in every frame of it. */
const SUSPICIOUS = [
  'img[src="x"]',
  '[onerror]',
  '[onload]',
  'svg',
  'iframe[src^="javascript"]',
  'a[href^="javascript"]',
  'script:not([src])',
];

async function traces(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const frame of page.frames()) {
    for (const selector of SUSPICIOUS) {
      const count = await frame.locator(selector).count();
      if (count > 0) found.push(`${count} × ${selector} in ${frame.url().slice(0, 60)}`);
    }
    for (const sheet of await frame.locator('style').allTextContents()) {
      if (sheet.includes('display:none')) found.push(`an injected style: ${sheet}`);
    }
    if (await frame.evaluate('Boolean(globalThis.__inert_broken)')) found.push('the sentinel ran');
  }
  return found;
}

async function open(path: string): Promise<{ page: Page; dialogs: string[] }> {
  const page = await signInThroughPage(
    { browser, baseUrl: app.baseUrl, contexts, pageErrors },
    'Germany',
    'Coordinator',
  );
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${app.baseUrl}${path}`);
  return { page, dialogs };
}

/** The visible text of the page and of every frame in it. */
async function visibleText(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point, not the DOM's.
  const texts = await Promise.all(page.frames().map((frame) => frame.locator('body').innerText()));
  return texts.join('\n');
}

describe('script and markup in what the states typed stay inert in the web app', () => {
  it('on the secondment page', async () => {
    const { page, dialogs } = await open(`/secondments/${secondmentId}`);
    await page.getByText(PAYLOADS[0] as string, { exact: true }).waitFor();
    const text = await visibleText(page);
    for (const payload of TEXTS) expect(text).toContain(payload);
    expect(await traces(page)).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('on the network page, in the meeting record', async () => {
    const { page, dialogs } = await open(`/networks/BF?semester=${current}`);
    await page.getByText(SENTINEL).first().waitFor();
    expect(await visibleText(page)).toContain(PAYLOADS[3]);
    expect(await traces(page)).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('in the contribution form, as the values of its fields', async () => {
    const { page, dialogs } = await open(`/semesters/${current}/networks/BF/contributions/DE`);
    await page.locator('textarea').first().waitFor();
    const values = await page
      .locator('textarea')
      .evaluateAll((areas) => areas.map((area) => (area as unknown as { value: string }).value));
    for (const payload of TEXTS) expect(values).toContain(payload);
    expect(await traces(page)).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('in the report shown inline, in its sandboxed frame', async () => {
    const { page, dialogs } = await open(`/semesters/${previous}/reports/BF`);
    const frame = page.frameLocator('iframe.report-frame');
    await frame
      .getByText(PAYLOADS[0] as string)
      .first()
      .waitFor();
    expect(await page.locator('iframe.report-frame').getAttribute('sandbox')).toBe('');
    const text = await visibleText(page);
    for (const payload of TEXTS) expect(text).toContain(payload);
    expect(await traces(page)).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('in the report file opened from its download link', async () => {
    const ec = await app.login('EC', 'admin');
    const report = await call(ec, 'GET', `/api/semesters/${previous}/reports/BF`);
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(report.formats.html);
    await page
      .getByText(PAYLOADS[0] as string)
      .first()
      .waitFor();
    const text = await visibleText(page);
    for (const payload of PAYLOADS) expect(text).toContain(payload);
    expect(await traces(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

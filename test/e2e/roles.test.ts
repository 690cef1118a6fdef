import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { semester, semesterIdAt } from '#shared/semesters.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import {
  browserPeople,
  expectNoSeriousViolations,
  launchBrowser,
  openAtNewBrowser,
  signInThroughPage,
} from '../support/browser.ts';
import { notifySecondment } from '../support/seed.ts';

let app: TestApp;
let browser: Browser;
const people = browserPeople(() => ({ browser, baseUrl: app.baseUrl }));

const current = semesterIdAt(new Date());
const LAST_YEAR = `${Number(current.slice(0, 4)) - 1}-03-01`;
const NETWORK = 'BF';

/** A notified secondment of `state` (to Burkina Faso unless said), since last year. */
const seedSecondment = (state: string, city: string, hostCountry = NETWORK) =>
  notifySecondment(app, { state, hostCountry, city, startDate: LAST_YEAR });

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({ serveWeb: true }), launchBrowser()]);
  // Germany and France in Burkina Faso, Germany in three more networks (four contributions to write);
  // French notifications fill Germany's feed.
  await seedSecondment('DE', 'Ouagadougou');
  await seedSecondment('DE', 'Dakar', 'SN');
  await seedSecondment('DE', 'Accra', 'GH');
  await seedSecondment('DE', 'Bamako', 'ML');
  for (const city of ['Ouagadougou', 'Bobo-Dioulasso', 'Koudougou', 'Banfora'])
    await seedSecondment('FR', city);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const signIn = (organisation: string, role: string): Promise<Page> =>
  signInThroughPage(people(), organisation, role);

/** The entries of the main menu, in order. */
function menuOf(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
}

/**
 * The page's cumulative layout shift, as Chrome counts it (shifts within half a second of an input
 * excepted), from the start of the document: observed in the page from its first script on.
 */
async function watchLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    // The browser's types, which the tests' compilation (Node's) does not know.
    interface Shift {
      value: number;
      hadRecentInput: boolean;
    }
    const scope = globalThis as unknown as {
      layoutShift: number;
      PerformanceObserver: new (
        callback: (list: { getEntries(): Shift[] }) => void,
      ) => { observe(options: { type: string; buffered: boolean }): void };
    };
    scope.layoutShift = 0;
    new scope.PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) scope.layoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The shift so far, once the page has painted two more frames (the last changes laid out). */
function layoutShiftOf(page: Page): Promise<number> {
  return page.evaluate(() => {
    const scope = globalThis as unknown as {
      layoutShift: number;
      requestAnimationFrame(callback: () => void): number;
    };
    return new Promise<number>((resolve) =>
      scope.requestAnimationFrame(() => scope.requestAnimationFrame(() => resolve(scope.layoutShift))),
    );
  });
}

describe('each role its own app', () => {
  it('the Parliament reads no Secondments menu, no notifications panel, and a refusal as not allowed', async () => {
    const ep = await signIn('European Parliament', 'Reader');
    expect(await menuOf(ep)).toEqual(['Dashboard', 'Networks', 'Semesters', 'Reports', 'My account']);
    const main = ep.getByRole('main');
    await main.getByRole('region', { name: 'Who you are' }).waitFor();
    expect(await main.getByRole('region', { name: 'Latest notifications' }).count()).toBe(0);
    expect(await main.getByRole('region', { name: 'My outstanding contributions' }).count()).toBe(0);
    await expectNoSeriousViolations(ep);

    // An address typed or bookmarked all the same: not allowed, for this organisation, with nothing to retry.
    await ep.goto(`${app.baseUrl}/secondments`);
    const refusal = main.getByRole('alert');
    await refusal.getByRole('heading', { name: 'Not allowed for your organisation' }).waitFor();
    expect(await main.getByText(/could not be loaded/).count()).toBe(0);
    expect(await main.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await expectNoSeriousViolations(ep);
    // In French too.
    await ep.getByRole('button', { name: 'Français' }).click();
    await refusal.getByRole('heading', { name: 'Non autorisé pour votre organisation' }).waitFor();
    await ep.getByRole('button', { name: 'English' }).click();
  });

  it('the Commission admin and a state editor each see their own menu and panels', async () => {
    const ec = await signIn('European Commission', 'Administrator');
    expect(await menuOf(ec)).toEqual([
      'Dashboard',
      'Secondments',
      'Networks',
      'Semesters',
      'Reports',
      'People',
      'My account',
    ]);
    await ec.getByRole('region', { name: 'Latest notifications' }).waitFor();
    expect(await ec.getByRole('region', { name: 'My outstanding contributions' }).count()).toBe(0);
    await expectNoSeriousViolations(ec);

    const de = await signIn('Germany', 'Editor');
    expect(await menuOf(de)).toEqual([
      'Dashboard',
      'Secondments',
      'Networks',
      'Semesters',
      'Reports',
      'My account',
    ]);
    await de
      .getByRole('region', { name: 'My outstanding contributions' })
      .getByRole('link', { name: /Burkina Faso/ })
      .waitFor();
    await de
      .getByRole('region', { name: 'Latest notifications' })
      .getByRole('link', { name: /France notified a secondment/ })
      .first()
      .waitFor();
    await expectNoSeriousViolations(de);

    // A page of the Commission's only: the editor's refusal reads the same way.
    await de.goto(`${app.baseUrl}/annual-summaries/${current.slice(0, 4)}`);
    await de.getByRole('main').getByRole('heading', { name: 'Not allowed for your organisation' }).waitFor();
    expect(await de.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await expectNoSeriousViolations(de);
  });

  it('the dashboard does not shift while its panels load', async () => {
    for (const [organisation, role] of [
      ['Germany', 'Coordinator'],
      ['European Commission', 'Administrator'],
    ] as const) {
      const page = await signIn(organisation, role);
      await watchLayoutShifts(page);
      // On a phone, where the cards stack, with the panels' data slower than the page's own: as on a
      // mobile network, where each panel's answer comes after the dashboard is drawn.
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.route(/\/api\/(feed|contributions\/outstanding)/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        await route.continue();
      });
      // A fresh load of the dashboard (the session kept by the tab), as on opening the app.
      await page.reload();
      const feed = page.getByRole('region', { name: 'Latest notifications' });
      await feed
        .getByRole('link', { name: /France notified a secondment/ })
        .first()
        .waitFor();
      if (organisation === 'Germany') {
        await page
          .getByRole('region', { name: 'My outstanding contributions' })
          .getByRole('link', { name: /Burkina Faso/ })
          .waitFor();
      }
      // Panels drawn after the page measured 0.07 here (Germany's four contributions pushing the feed
      // down); read before it by the dashboard's loader, nothing moves. Chrome calls 0.1 "good".
      const shift = await layoutShiftOf(page);
      expect(shift, `${organisation} ${role}: cumulative layout shift ${shift}`).toBeLessThan(0.01);
    }
  });
});

describe('organisations as words', () => {
  it('the network page names the organisers of a training (codes by their names, words as typed)', async () => {
    const recorded = await app.call('POST', `/api/networks/${NETWORK}/trainings`, {
      token: await app.login('DE', 'editor'),
      body: {
        // The semester's first day: within it, and never ahead of today.
        date: semester(current).start,
        kind: 'joint_training_attended',
        organisers: ['DE', 'EBCG', 'Frontex academy'],
        participantCount: 12,
        topics: [],
        summary: '',
      },
    });
    expect(recorded.status, JSON.stringify(recorded.json)).toBe(201);

    const fr = await signIn('France', 'Reader');
    await fr.goto(`${app.baseUrl}/networks/${NETWORK}`);
    await fr.getByRole('heading', { level: 1, name: 'ILO network in Burkina Faso' }).waitFor();
    const organisers = fr
      .getByRole('term')
      .filter({ hasText: /^Organisers$/ })
      .locator('xpath=following-sibling::dd[1]');
    expect(await organisers.textContent()).toBe(
      'Germany, European Border and Coast Guard Agency and Frontex academy',
    );
    await expectNoSeriousViolations(fr);
  });
});

/** A person at a new browser who follows a link they were sent: asked to sign in, then taken there. */
async function followSignedOut(link: string, organisation: string, role: string): Promise<Page> {
  const page = await openAtNewBrowser(people(), link);
  await page.waitForURL(/\/sign-in\?returnTo=/);
  await page.getByLabel('Organisation', { exact: true }).selectOption({ label: organisation });
  await page.getByLabel('Role', { exact: true }).selectOption({ label: role });
  await page.getByRole('button', { name: 'Sign in' }).click();
  return page;
}

describe('report links that last', () => {
  it('a file link copied from the report page carries no signature and opens the file for anyone who may read it', async () => {
    const ec = await app.login('EC', 'admin');
    const closed = await app.call('POST', `/api/semesters/${current}/close`, {
      token: ec,
      body: { force: true },
    });
    expect(closed.status, JSON.stringify(closed.json)).toBe(200);
    await app.reportQueue.idle();

    const de = await signIn('Germany', 'Editor');
    await de.goto(`${app.baseUrl}/semesters/${current}/reports/${NETWORK}`);
    await de.getByRole('heading', { level: 1, name: /Burkina Faso: report/ }).waitFor();
    // The report, too, names the organisers in words.
    await de
      .frameLocator('iframe.report-frame')
      .getByText(/organised by Germany, European Border and Coast Guard Agency, Frontex academy/)
      .waitFor();
    const links = Object.fromEntries(
      await Promise.all(
        (['pdf', 'docx', 'html', 'json'] as const).map(async (format) => {
          const name = {
            pdf: /^PDF/,
            docx: /^Word \(DOCX\)/,
            html: /^Web page \(HTML\)/,
            json: /^Data \(JSON\)/,
          }[format];
          return [format, await de.getByRole('link', { name }).getAttribute('href')] as const;
        }),
      ),
    );
    // The product's own addresses: nothing in them to expire.
    for (const format of ['pdf', 'docx', 'html', 'json'] as const) {
      expect(links[format]).toBe(`/semesters/${current}/reports/${NETWORK}/files/1/${format}`);
    }
    await expectNoSeriousViolations(de);

    // Followed from the page: a new tab on a link signed just now.
    const [tab] = await Promise.all([
      de.context().waitForEvent('page'),
      de.getByRole('link', { name: /^Data \(JSON\)/ }).click(),
    ]);
    await tab.waitForURL(/X-Amz-Signature=/);
    expect(JSON.parse((await tab.textContent('body')) ?? '')).toMatchObject({ network: { id: NETWORK } });

    // Copied and opened elsewhere (any time later: it holds no signature), by another member's person,
    // after signing in: the file, signed on the way.
    const fr = await followSignedOut(links.json ?? '', 'France', 'Reader');
    await fr.waitForURL(/X-Amz-Signature=/);
    expect(JSON.parse((await fr.textContent('body')) ?? '')).toMatchObject({ network: { id: NETWORK } });
  });

  it('a reader who may not read that version is told it is not allowed, with nothing to retry', async () => {
    // The generated version is the network's members' and the Commission's, not yet the Parliament's.
    const ep = await followSignedOut(
      `/semesters/${current}/reports/${NETWORK}/files/1/pdf`,
      'European Parliament',
      'Reader',
    );
    const main = ep.getByRole('main');
    await main
      .getByRole('alert')
      .getByRole('heading', { name: 'Not allowed for your organisation' })
      .waitFor();
    expect(await main.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    expect(ep.url()).toBe(`${app.baseUrl}/semesters/${current}/reports/${NETWORK}/files/1/pdf`);
    await expectNoSeriousViolations(ep);
  });
});

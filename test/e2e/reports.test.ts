import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { semesterIdAt } from '#shared/semesters.ts';
import { handler as draftAnnualSummary } from '../../functions/handlers/draft-annual-summary.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import {
  browserPeople,
  expectNoSeriousViolations,
  launchBrowser,
  signInThroughPage,
} from '../support/browser.ts';
import { notifySecondment } from '../support/seed.ts';

let app: TestApp;
let browser: Browser;
const people = browserPeople(() => ({ browser, baseUrl: app.baseUrl }));

const current = semesterIdAt(new Date());
const year = Number(current.slice(0, 4));
/** Secondments that started last year are active during the whole current semester. */
const LAST_YEAR = `${year - 1}-03-01`;
const NETWORK = 'BF';
const ASSESSMENT = 'The network worked well; the routes through Niger need attention.';
/** What the states wrote: every field the template requires, and text to find in the report. */
const values = {
  'A2.text': 'Weekly exchanges between the liaison officers in Ouagadougou.',
  'A9.text': '<script>alert(1)</script>',
  'B1.text': 'Flows remain high.',
  'B1.flows': [{ nationality: 'NE', originOrTransit: 'transit', estimatedVolume: 120, trend: 'increasing' }],
  'B4.text': 'A new route.',
  'C.personsNotBoarded': 7,
  'C.fraudulentDocuments': 3,
  'C.returnsFacilitated': 1,
  'C.trainingSessions': 1,
  'C.trainingParticipants': 9,
  'C.meetings': 2,
};

/** A notified secondment of `state` to Burkina Faso, seeded through the API as the state's editor. */
const seedSecondment = (state: string, city: string) =>
  notifySecondment(app, { state, hostCountry: NETWORK, city, startDate: LAST_YEAR });

/** A contribution saved by the state's editor and submitted by its coordinator. */
async function contribute(state: string): Promise<void> {
  const path = `/api/semesters/${current}/networks/${NETWORK}/contributions/${state}`;
  const saved = await app.call('PUT', path, {
    token: await app.login(state, 'editor'),
    body: { templateVersion: 1, version: 0, values },
  });
  expect(saved.status, JSON.stringify(saved.json)).toBe(200);
  const submitted = await app.call('POST', `${path}/submit`, {
    token: await app.login(state, 'coordinator'),
    body: { version: saved.json.version },
  });
  expect(submitted.status, JSON.stringify(submitted.json)).toBe(200);
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({ serveWeb: true }), launchBrowser()]);
  // Burkina Faso: Germany with two ILOs, France with one. The Presidency has none there, so
  // Germany, the member with the most ILOs, drafts the report.
  await seedSecondment('DE', 'Ouagadougou');
  await seedSecondment('DE', 'Bobo-Dioulasso');
  await seedSecondment('FR', 'Ouagadougou');
  await contribute('DE');
  await contribute('FR');
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const signIn = (organisation: string, role: string): Promise<Page> =>
  signInThroughPage(people(), organisation, role);

/** From the main navigation to the reports of the current semester. */
async function openSemesterReports(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
  await page.getByRole('link', { name: `Reports of ${current}` }).click();
  await page.getByRole('heading', { level: 1, name: `Reports of semester ${current}` }).waitFor();
}

const reportTitle = `ILO network in Burkina Faso: report ${current}`;

describe('semester reports, from the close to the finalised report', () => {
  it('the Commission closes the semester early and watches the report being generated', async () => {
    const ec = await signIn('European Commission', 'Administrator');
    await openSemesterReports(ec);
    await ec.getByText('The semester is open').waitFor();
    await expectNoSeriousViolations(ec);

    // Closing before the end asks for "Close early" explicitly (sent as force: true).
    await ec.getByRole('button', { name: 'Close the semester…' }).click();
    const dialog = ec.getByRole('dialog', { name: `Close semester ${current}?` });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Close the semester' }).click();
    await dialog.getByText('Tick “Close early”').waitFor();
    await dialog.getByRole('checkbox', { name: /^Close early/ }).check();
    await dialog.getByRole('button', { name: 'Close the semester' }).click();

    // The progress: a labelled bar and a live sentence, complete once the one network's report is there.
    await ec.getByText(`Semester ${current} is closed.`).waitFor();
    const progress = ec.getByRole('progressbar', { name: 'Reports ready' });
    await progress.waitFor();
    await ec.getByRole('status').filter({ hasText: 'The report is ready.' }).waitFor({ timeout: 30_000 });
    expect(await progress.getAttribute('value')).toBe('1');
    expect(await progress.getAttribute('max')).toBe('1');

    const table = ec.getByRole('table', { name: `Network reports of ${current}` });
    const row = table.getByRole('row', { name: /Burkina Faso/ });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells[0]).toBe('Generated');
    expect(cells[1]).toBe('1');
    expect(cells[2]).toBe('GermanyMost ILOs in the network');
    await expectNoSeriousViolations(ec);

    // The semester is now among the closed ones on the index.
    await ec.getByRole('link', { name: 'All reports' }).click();
    await ec
      .getByRole('table', { name: 'Closed semesters, most recent first' })
      .getByRole('link', { name: `Reports of ${current}` })
      .waitFor();
    await expectNoSeriousViolations(ec);
  });

  it("the drafting state's coordinator reads the report inline, assesses it and finalises it", async () => {
    const de = await signIn('Germany', 'Coordinator');
    await openSemesterReports(de);
    const row = de.getByRole('row', { name: /Burkina Faso/ });
    await row.getByText('Yours to assess and finalise').waitFor();
    await row.getByRole('link', { name: 'Burkina Faso' }).click();
    await de.getByRole('heading', { level: 1, name: reportTitle }).waitFor();

    // Who drafts and why, in words.
    await de
      .getByText(/no state was designated to act on its behalf: Germany, the member with the most ILOs/)
      .waitFor();

    // The HTML inline, in a frame with an empty sandbox: the states' text shown, their markup inert.
    const frameElement = de.locator('iframe.report-frame');
    await frameElement.waitFor();
    expect(await frameElement.getAttribute('sandbox')).toBe('');
    expect(await frameElement.getAttribute('title')).toBe(`${reportTitle}, version 1`);
    const frame = de.frameLocator('iframe.report-frame');
    await frame.getByText('Weekly exchanges between the liaison officers in Ouagadougou.').first().waitFor();
    await frame.getByText('<script>alert(1)</script>').first().waitFor();

    // The keyboard reaches the frame (a frame with nothing focusable is skipped by Tab otherwise) to scroll it.
    await de.getByRole('link', { name: /^Data \(JSON\)/ }).focus();
    await de.keyboard.press('Tab');
    expect(await frameElement.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(
      true,
    );

    // The files: lasting links that answer, signed on the way (test/e2e/roles.test.ts follows them further).
    const pdf = de.getByRole('link', { name: /^PDF/ });
    expect(await pdf.getAttribute('href')).toBe(`/semesters/${current}/reports/${NETWORK}/files/1/pdf`);
    const pdfAnswer = de.context().waitForEvent('response', {
      predicate: (response) => response.headers()['content-type'] === 'application/pdf',
    });
    await pdf.click();
    expect((await pdfAnswer).status()).toBe(200);
    for (const name of [/^Word \(DOCX\)/, /^Web page \(HTML\)/, /^Data \(JSON\)/]) {
      expect(await de.getByRole('link', { name }).getAttribute('target')).toBe('_blank');
    }
    await expectNoSeriousViolations(de);

    // The assessment: empty is refused with a message at the field; then saved with the revision.
    const assessment = de.getByRole('textbox', { name: 'Assessment of the drafting state' });
    await de.getByRole('button', { name: 'Save the assessment' }).click();
    await de.getByText('Write the assessment').waitFor();
    expect(await assessment.getAttribute('aria-invalid')).toBe('true');
    await assessment.fill(ASSESSMENT);
    await de.getByRole('button', { name: 'Save the assessment' }).click();
    await de
      .getByRole('status')
      .filter({ hasText: /^Assessment saved at/ })
      .waitFor();

    // Finalising asks first, and says who will then read the report.
    await de.getByRole('button', { name: 'Finalise the report…' }).click();
    const dialog = de.getByRole('dialog', { name: 'Finalise the report?' });
    await dialog
      .getByText('the European Parliament, the Council and the European Border and Coast Guard Agency (EBCG)')
      .waitFor();
    await dialog.getByText('Finalising makes version 2 of the report').waitFor();
    await dialog.getByRole('button', { name: 'Finalise', exact: true }).click();

    await de.getByText('The report is finalised as version 2.').waitFor();
    await de
      .getByRole('region', { name: 'About this report' })
      .getByRole('definition')
      .filter({ hasText: /^Finalised\s*read by every participating state/ })
      .waitFor();
    await de.getByRole('heading', { level: 2, name: 'The report (version 2)' }).waitFor();
    await frame.getByText(ASSESSMENT).waitFor();
    expect(await de.getByRole('textbox', { name: 'Assessment of the drafting state' }).count()).toBe(0);
    // Both versions are listed; the first can still be read.
    const versions = de.getByRole('table', { name: 'Versions of the report, newest first' });
    await versions.getByRole('link', { name: 'Version 1' }).click();
    await de.getByText('You are reading version 1, an earlier version of this report.').waitFor();
    await de.getByRole('heading', { level: 2, name: 'The report (version 1)' }).waitFor();
    await expectNoSeriousViolations(de);
  });

  it('the Council then reads the finalised report, and the annual summary (or why there is none yet)', async () => {
    const council = await signIn('Council of the European Union', 'Reader');
    await openSemesterReports(council);
    await council.getByText('You see the finalised reports.').waitFor();
    const row = council.getByRole('row', { name: /Burkina Faso/ });
    await row.waitFor();
    expect((await row.getByRole('cell').allTextContents())[0]).toMatch(/^Finalised/);
    await expectNoSeriousViolations(council);
    await row.getByRole('link', { name: 'Burkina Faso' }).click();
    await council.getByRole('heading', { level: 1, name: reportTitle }).waitFor();
    await council.frameLocator('iframe.report-frame').getByText(ASSESSMENT).waitFor();
    expect(await council.getByRole('button', { name: 'Finalise the report…' }).count()).toBe(0);
    // The generated version before the finalisation is not the Council's to read: listed, not linked.
    const versions = council.getByRole('table', { name: 'Versions of the report, newest first' });
    await versions.getByText("read by the network's members and the Commission only").waitFor();
    expect(await versions.getByRole('link').count()).toBe(0);
    await expectNoSeriousViolations(council);

    // The annual summary: drafted (by its daily job, run here) once the year's H2 is closed.
    if (current.endsWith('H2')) {
      expect(await draftAnnualSummary({ time: new Date().toISOString() } as never)).toMatchObject({
        year,
        outcome: 'generated',
      });
    }
    await council.goto(`${app.baseUrl}/reports`);
    await council.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    if (current.endsWith('H2')) {
      await council.getByRole('link', { name: `Annual summary ${year}` }).click();
      await council
        .getByRole('heading', { level: 1, name: `Annual summary of the ILO networks, ${year}` })
        .waitFor();
      const figures = council.getByRole('table', {
        name: `Figures of ${year} and the change from the previous year`,
      });
      const notBoarded = figures.getByRole('row', { name: /Persons not boarded/ });
      await notBoarded.waitFor();
      expect(await notBoarded.getByRole('cell').allTextContents()).toEqual(['14', 'no data', 'no data']);
      await council
        .getByRole('table', { name: `Each network in ${year}` })
        .getByRole('row', { name: /Burkina Faso/ })
        .waitFor();
      await council.getByRole('link', { name: /^PDF/ }).waitFor();
    } else {
      // In a first half-year the year's H2 is still open: the page says when the summary comes.
      await council.goto(`${app.baseUrl}/annual-summaries/${year}`);
      await council
        .getByText(`The annual summary of ${year} is drafted once the second semester of ${year} is closed`)
        .waitFor();
    }
    await expectNoSeriousViolations(council);
  });
});

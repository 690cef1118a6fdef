import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brusselsDate, semesterIdAt } from '#shared/semesters.ts';
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
/** Secondments that started last year are active during the whole current semester. */
const LAST_YEAR = `${Number(brusselsDate(new Date()).slice(0, 4)) - 1}-03-01`;
const contributionUrl = (network: string, state: string) =>
  `/semesters/${current}/networks/${network}/contributions/${state}`;

/** A notified secondment of `state` to `hostCountry`, seeded through the API as the state's editor. */
const seedSecondment = (state: string, hostCountry: string, city: string) =>
  notifySecondment(app, { state, hostCountry, city, startDate: LAST_YEAR });

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({ serveWeb: true }), launchBrowser()]);
  // The Türkiye network (Germany and France) and the Morocco network (Germany and Spain).
  await seedSecondment('DE', 'TR', 'Ankara');
  await seedSecondment('FR', 'TR', 'Istanbul');
  await seedSecondment('DE', 'MA', 'Rabat');
  await seedSecondment('ES', 'MA', 'Tanger');
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const signIn = (organisation: string, role: string): Promise<Page> =>
  signInThroughPage(people(), organisation, role);

function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === element.ownerDocument.activeElement);
}

/** Moves focus with the Tab key alone until `target` has it (forwards, or backwards with Shift+Tab). */
async function tabTo(page: Page, target: Locator, { backwards = false, limit = 120 } = {}): Promise<void> {
  for (let step = 0; step < limit; step += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** The text of what a control's aria-describedby points at (its hint, error and character count). */
function descriptionOf(control: Locator): Promise<string> {
  return control.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id: string) => element.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

/** In a combobox that has focus: type part of a name, arrow down to the option, Enter. */
async function pickCountry(page: Page, combobox: Locator, typed: string, option: string): Promise<void> {
  expect(await isFocused(combobox)).toBe(true);
  await page.keyboard.type(typed);
  for (let step = 0; step < 10; step += 1) {
    const activeId = await combobox.getAttribute('aria-activedescendant');
    if (activeId && (await page.locator(`#${activeId}`).textContent()) === option) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  expect(await combobox.inputValue()).toBe(option);
}

/** In a select that has focus: the arrow keys move to the option with this label. */
async function chooseWithArrows(page: Page, select: Locator, label: string): Promise<void> {
  expect(await isFocused(select)).toBe(true);
  for (let step = 0; step < 10; step += 1) {
    const chosen = await select.evaluate((element) => {
      const list = element as unknown as { selectedOptions: { text: string }[] };
      return list.selectedOptions[0]?.text;
    });
    if (chosen === label) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`The arrow keys never reached "${label}"`);
}

const statusOf = (page: Page) => page.locator('.autosave-bar [role="status"]');

/** Waits until everything typed is saved: no change waiting to be sent, and the last save done. */
async function waitUntilSaved(page: Page): Promise<void> {
  await page.locator('.autosave-bar[data-save-state="saved"]').waitFor();
  expect(await statusOf(page).textContent()).toMatch(/^Saved at \d{2}:\d{2}$/);
}

const LONG_EXCHANGE = [
  'The liaison officers met every fortnight at the German embassy in Ankara and exchanged their weekly situation reports.',
  'A shared calendar of visits to the border provinces avoided duplicate requests to the Turkish authorities.',
  'Good practice on interviewing document holders at Istanbul airport was presented by France and adopted by the network.',
  'A secure mailing list now carries alerts on new routes within the day, in English, with the sources kept out.',
].join(' ');

describe('a state contribution, from the dashboard to submission', () => {
  it('a DE coordinator fills a long contribution with the keyboard alone, keeps it through a reload and submits it', async () => {
    const de = await signIn('Germany', 'Coordinator');
    const prompts: string[] = [];
    de.on('dialog', (dialog) => {
      prompts.push(dialog.type());
      void dialog.accept();
    });

    // The dashboard lists what Germany still has to submit, with the days left.
    const outstanding = de.getByRole('region', { name: 'My outstanding contributions' });
    const toTurkey = outstanding.getByRole('link', { name: `Türkiye network, ${current}` });
    await toTurkey.waitFor();
    expect(await outstanding.textContent()).toMatch(/Not started · \d+ days? left/);
    expect(await outstanding.getByRole('link', { name: `Morocco network, ${current}` }).count()).toBe(1);
    await expectNoSeriousViolations(de);

    await tabTo(de, toTurkey);
    await de.keyboard.press('Enter');
    const title = `Contribution of Germany: Türkiye network, ${current}`;
    await de.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(de.url()).toBe(`${app.baseUrl}${contributionUrl('TR', 'DE')}`);
    expect(await statusOf(de).textContent()).toBe('Nothing saved yet.');
    // Generated from the template: its parts and sections, labelled fields with their help, marks on the required ones.
    await de.getByRole('heading', { level: 2, name: 'Part A: network activities' }).waitFor();
    await de
      .getByRole('heading', {
        level: 3,
        name: 'B1. Irregular migration flows originating from or transiting the host country',
      })
      .waitFor();
    const exchange = de.getByRole('textbox', {
      name: 'Exchange of information and practice (required to submit)',
    });
    expect(await descriptionOf(exchange)).toContain('How the ILOs shared information and good practice');
    expect(await descriptionOf(exchange)).toContain('0 of 20,000 characters');
    await de.getByText('Meetings recorded for this network: none recorded this semester.').waitFor();
    await expectNoSeriousViolations(de);

    // Part A, typed.
    const meetings = de.getByRole('textbox', { name: 'Comments on the meetings' });
    await tabTo(de, meetings);
    await de.keyboard.type('Two network meetings, both attended by the Commission.');
    await tabTo(de, exchange);
    await de.keyboard.type(LONG_EXCHANGE);
    expect(await descriptionOf(exchange)).toContain(`${LONG_EXCHANGE.length} of 20,000 characters`);
    await waitUntilSaved(de);

    // Part B: the flows table, row by row: a country picker, choices, a number.
    const addFlow = de.getByRole('button', { name: 'Add a row to “Flows”' });
    await tabTo(de, addFlow);
    await de.keyboard.press('Enter');
    const nationality1 = de.getByRole('combobox', { name: 'Nationality, row 1' });
    await pickCountry(de, nationality1, 'syri', 'Syria');
    await de.keyboard.press('Tab');
    await chooseWithArrows(de, de.getByRole('combobox', { name: 'Origin or transit, row 1' }), 'Transit');
    await de.keyboard.press('Tab');
    await de.keyboard.type('1200');
    await de.keyboard.press('Tab');
    await chooseWithArrows(de, de.getByRole('combobox', { name: 'Trend, row 1' }), 'Increasing');
    // Past the row's Remove button, to add another.
    await tabTo(de, addFlow);
    await de.keyboard.press('Space');
    const nationality2 = de.getByRole('combobox', { name: 'Nationality, row 2' });
    await pickCountry(de, nationality2, 'afgh', 'Afghanistan');
    await de.keyboard.press('Tab');
    await chooseWithArrows(de, de.getByRole('combobox', { name: 'Origin or transit, row 2' }), 'Transit');
    await de.keyboard.press('Tab');
    await de.keyboard.type('350');
    await de.keyboard.press('Tab');
    await chooseWithArrows(de, de.getByRole('combobox', { name: 'Trend, row 2' }), 'Stable');
    const flowsText = de.getByRole('textbox', { name: 'Assessment of the flows (required to submit)' });
    await tabTo(de, flowsText);
    await de.keyboard.type(
      'Transit through the eastern provinces keeps rising; Afghan nationals mostly arrive overland.',
    );
    await waitUntilSaved(de);
    expect(await de.getByRole('table', { name: 'Flows' }).locator('tbody tr').count()).toBe(2);

    // Half way, words typed a moment ago and not yet sent: a reload keeps them all the same.
    const smuggling = de.getByRole('textbox', { name: 'Smuggling organisations and methods' });
    await tabTo(de, smuggling);
    const smugglingText = 'Networks based in Van organise the crossings and sell forged Schengen visas.';
    await de.keyboard.type(smugglingText);
    await de.reload();
    await de.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(prompts).toEqual([]);
    await de.getByText(/^This form shows what you typed in this browser/).waitFor();
    expect(await de.getByRole('textbox', { name: 'Smuggling organisations and methods' }).inputValue()).toBe(
      smugglingText,
    );
    expect(await exchange.inputValue()).toBe(LONG_EXCHANGE);
    expect(await meetings.inputValue()).toBe('Two network meetings, both attended by the Commission.');
    expect(await nationality1.inputValue()).toBe('Syria');
    expect(await nationality2.inputValue()).toBe('Afghanistan');
    expect(await de.getByRole('combobox', { name: 'Origin or transit, row 1' }).inputValue()).toBe('transit');
    expect(await de.getByRole('textbox', { name: 'Estimated volume, row 1' }).inputValue()).toBe('1200');
    expect(await de.getByRole('combobox', { name: 'Trend, row 2' }).inputValue()).toBe('stable');
    expect(await flowsText.inputValue()).toContain('Transit through the eastern provinces');
    // ... and the restored text is saved at once.
    await waitUntilSaved(de);
    const saved = await app.call('GET', `/api${contributionUrl('TR', 'DE')}`, {
      token: await app.login('DE', 'editor'),
    });
    expect(saved.json.values).toMatchObject({
      'A2.text': LONG_EXCHANGE,
      'B1.flows': [
        { nationality: 'SY', originOrTransit: 'transit', estimatedVolume: 1200, trend: 'increasing' },
        { nationality: 'AF', originOrTransit: 'transit', estimatedVolume: 350, trend: 'stable' },
      ],
      'B3.text': smugglingText,
    });
    await expectNoSeriousViolations(de);

    // The rest of Part B.
    const trends = de.getByRole('textbox', { name: 'Incidents, factors and trends (required to submit)' });
    await tabTo(de, trends);
    await de.keyboard.type('A new ferry line to Greece opened in May and is watched closely.');
    const addFraud = de.getByRole('button', { name: 'Add a row to “Document fraud cases”' });
    await tabTo(de, addFraud);
    await de.keyboard.press('Enter');
    await chooseWithArrows(de, de.getByRole('combobox', { name: 'Document type, row 1' }), 'Visa');
    await de.keyboard.press('Tab');
    await pickCountry(de, de.getByRole('combobox', { name: 'Issuing country, row 1' }), 'germ', 'Germany');
    await de.keyboard.press('Tab');
    await chooseWithArrows(de, de.getByRole('combobox', { name: 'Type of fraud, row 1' }), 'Forged');
    await de.keyboard.press('Tab');
    await de.keyboard.type('14');
    await waitUntilSaved(de);

    // Submitting without the figures: checked first, nothing to confirm; each missing one is named and shown at its field.
    const submit = de.getByRole('button', { name: 'Submit the contribution' });
    await tabTo(de, submit);
    await de.keyboard.press('Enter');
    const confirm = de.getByRole('dialog', { name: 'Submit this contribution?' });
    const summary = de.getByRole('alert').filter({ hasText: 'The contribution was not submitted' });
    await summary.waitFor();
    expect(await confirm.count()).toBe(0);
    expect(await isFocused(summary)).toBe(true);
    const problems = await summary.getByRole('link').allTextContents();
    expect(problems).toEqual([
      'Persons not boarded after ILO advice to carriers: Enter a whole number (0 if none)',
      'Fraudulent documents detected with ILO involvement: Enter a whole number (0 if none)',
      'Returns facilitated: Enter a whole number (0 if none)',
      'Training sessions: Enter a whole number (0 if none)',
      'Training participants: Enter a whole number (0 if none)',
      'Meetings: Enter a whole number (0 if none)',
    ]);
    const notBoarded = de.getByRole('textbox', { name: /^Persons not boarded after ILO advice/ });
    expect(await notBoarded.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(notBoarded)).toContain('Enter a whole number (0 if none)');
    await expectNoSeriousViolations(de);

    // From the summary's first link to the field, then the figures one after the other.
    await de.keyboard.press('Tab');
    await de.keyboard.press('Enter');
    expect(await isFocused(notBoarded)).toBe(true);
    await de.keyboard.type('12');
    for (const [name, figure] of [
      ['Fraudulent documents detected with ILO involvement', '31'],
      ['Returns facilitated', '4'],
      ['Training sessions', '2'],
      ['Training participants', '25'],
      ['Meetings', '2'],
    ] as const) {
      await tabTo(de, de.getByRole('textbox', { name: new RegExp(`^${name} \\(required`) }));
      await de.keyboard.type(figure);
    }
    expect(await notBoarded.getAttribute('aria-invalid')).toBeNull();
    await de.keyboard.press('Tab');
    await waitUntilSaved(de);

    await tabTo(de, submit);
    await de.keyboard.press('Enter');
    // Complete now: only then is a confirmation asked.
    await confirm.waitFor();
    await expectNoSeriousViolations(de);
    await de.keyboard.press('Enter');
    await de.getByText('The contribution is submitted. It is now read-only.').waitFor();

    // Read-only now, and it says so.
    await de.getByText(/^Submitted on .+ — read-only\.$/).waitFor();
    const main = de.getByRole('main');
    for (const role of ['textbox', 'combobox', 'spinbutton', 'checkbox'] as const) {
      expect(await main.getByRole(role).count(), role).toBe(0);
    }
    // No more submitting or editing: only a reopening, as Germany drafts this network's report (the
    // Presidency has no officer there; Germany and France have one each, and ties go to the first code).
    expect(await main.getByRole('button').allTextContents()).toEqual(['Reopen the contribution']);
    expect(await main.getByRole('table', { name: 'Flows' }).locator('tbody tr').first().textContent()).toBe(
      'SyriaTransit1,200Increasing',
    );
    expect(await main.getByText(LONG_EXCHANGE).count()).toBe(1);
    await expectNoSeriousViolations(de);

    // The semester's completeness table counts it.
    await de.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Semesters' }).click();
    await de.getByRole('heading', { level: 1, name: 'Semesters' }).waitFor();
    await expectNoSeriousViolations(de);
    await de.getByRole('link', { name: current, exact: true }).click();
    await de.getByRole('heading', { level: 1, name: `Semester ${current}` }).waitFor();
    const table = de.getByRole('table', {
      name: `Expected and received contributions per network, ${current}`,
    });
    const turkey = table.getByRole('row').filter({ has: de.getByRole('rowheader', { name: /^Türkiye/ }) });
    await turkey.waitFor();
    expect(await turkey.locator('td').allTextContents()).toEqual([
      '2GermanyFrance',
      '1Germany',
      'None',
      '1France',
      'None',
    ]);
    await expectNoSeriousViolations(de);

    // ... and the dashboard no longer lists it.
    await de.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await outstanding.getByRole('link', { name: `Morocco network, ${current}` }).waitFor();
    expect(await outstanding.getByRole('link', { name: `Türkiye network, ${current}` }).count()).toBe(0);
  }, 120_000); // A long keyboard walk: about 60 s on the shared 2-core machine.
});

describe('nothing typed is lost', () => {
  it('an entry not valid yet is saved as typed and shown back, with its problem, in another browser', async () => {
    const url = contributionUrl('MA', 'ES');
    const es = await signIn('Spain', 'Editor');
    await es.goto(`${app.baseUrl}${url}`);
    await es
      .getByRole('heading', { level: 1, name: `Contribution of Spain: Morocco network, ${current}` })
      .waitFor();
    const exchange = es.getByRole('textbox', { name: /^Exchange of information and practice/ });
    await exchange.fill('Weekly meetings at the Spanish consulate in Tanger.');
    const returns = es.getByRole('textbox', { name: /^Returns facilitated \(required/ });
    await returns.fill('fourteen');
    await es.getByRole('button', { name: 'Add a row to “Flows”' }).click();
    await es.getByRole('combobox', { name: 'Nationality, row 1' }).focus();
    await pickCountry(es, es.getByRole('combobox', { name: 'Nationality, row 1' }), 'mali', 'Mali');
    await es.getByRole('combobox', { name: 'Origin or transit, row 1' }).selectOption('transit');
    await es.getByRole('textbox', { name: 'Estimated volume, row 1' }).fill('about 300');
    await es.getByRole('combobox', { name: 'Trend, row 1' }).selectOption('stable');
    const smuggling = es.getByRole('textbox', { name: 'Smuggling organisations and methods' });
    await smuggling.fill('Typed after the entries not valid yet.');
    await smuggling.blur();

    // Saved all the same: the valid values as values, the others as typed, listed to correct.
    await waitUntilSaved(es);
    const bar = es.locator('.autosave-bar');
    expect(await bar.getByText('2 entries to correct').count()).toBe(1);
    const links = bar.getByRole('link');
    expect(await links.allTextContents()).toEqual([
      'Flows, row 1, Estimated volume: Enter a whole number, such as 25',
      'Returns facilitated: Enter a whole number (0 if none)',
    ]);
    await links.nth(1).click();
    expect(await isFocused(returns)).toBe(true);
    await expectNoSeriousViolations(es);
    const saved = await app.call('GET', `/api${url}`, { token: await app.login('ES', 'editor') });
    expect(saved.json.values).toEqual({
      'A2.text': 'Weekly meetings at the Spanish consulate in Tanger.',
      'B3.text': 'Typed after the entries not valid yet.',
    });
    expect(saved.json.unsettled).toEqual({
      'C.returnsFacilitated': 'fourteen',
      'B1.flows.0.nationality': 'ML',
      'B1.flows.0.originOrTransit': 'transit',
      'B1.flows.0.estimatedVolume': 'about 300',
      'B1.flows.0.trend': 'stable',
    });

    // Another browser (a colleague, another computer): every entry, the invalid ones as typed, with their message.
    const other = await signIn('Spain', 'Coordinator');
    await other.goto(`${app.baseUrl}${url}`);
    const returnsThere = other.getByRole('textbox', { name: /^Returns facilitated \(required/ });
    await returnsThere.waitFor();
    expect(await returnsThere.inputValue()).toBe('fourteen');
    expect(await returnsThere.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(returnsThere)).toContain('Enter a whole number (0 if none)');
    const volume = other.getByRole('textbox', { name: 'Estimated volume, row 1' });
    expect(await volume.inputValue()).toBe('about 300');
    expect(await volume.getAttribute('aria-invalid')).toBe('true');
    expect(await other.getByRole('combobox', { name: 'Nationality, row 1' }).inputValue()).toBe('Mali');
    expect(await other.getByRole('combobox', { name: 'Trend, row 1' }).inputValue()).toBe('stable');
    expect(
      await other.getByRole('textbox', { name: 'Smuggling organisations and methods' }).inputValue(),
    ).toBe('Typed after the entries not valid yet.');
    expect(await other.locator('.autosave-bar').getByRole('link').count()).toBe(2);
    await expectNoSeriousViolations(other);

    // Submitting checks first: the same entries are listed, with the fields still empty; nothing to confirm.
    await other.getByRole('button', { name: 'Submit the contribution' }).click();
    const summary = other.getByRole('alert').filter({ hasText: 'The contribution was not submitted' });
    await summary.waitFor();
    expect(await other.getByRole('dialog').count()).toBe(0);
    const listed = await summary.getByRole('link').allTextContents();
    expect(listed).toEqual(
      expect.arrayContaining([
        'Flows, row 1, Estimated volume: Enter a whole number, such as 25',
        'Returns facilitated: Enter a whole number (0 if none)',
        'Assessment of the flows: Fill this in before submitting',
      ]),
    );
    await expectNoSeriousViolations(other);

    // Corrected there: saved as values, nothing left to correct.
    await volume.fill('300');
    await returnsThere.fill('14');
    await returnsThere.blur();
    await waitUntilSaved(other);
    expect(await other.locator('.autosave-bar').getByRole('link').count()).toBe(0);
    const corrected = await app.call('GET', `/api${url}`, { token: await app.login('ES', 'editor') });
    expect(corrected.json).not.toHaveProperty('unsettled');
    expect(corrected.json.values).toMatchObject({
      'C.returnsFacilitated': 14,
      'B1.flows': [{ nationality: 'ML', originOrTransit: 'transit', estimatedVolume: 300, trend: 'stable' }],
    });
  });
});

describe('conflicts and locks', () => {
  it('when someone else saved meanwhile, reloads the latest version and puts the changes back over it', async () => {
    const url = contributionUrl('MA', 'DE');
    const de = await signIn('Germany', 'Editor');
    await de.goto(`${app.baseUrl}${url}`);
    await de
      .getByRole('heading', { level: 1, name: `Contribution of Germany: Morocco network, ${current}` })
      .waitFor();
    const exchange = de.getByRole('textbox', { name: /^Exchange of information and practice/ });
    await exchange.fill('Monthly meetings in Rabat.');
    await waitUntilSaved(de);

    // A colleague, in another browser, saves a newer version.
    const colleague = await app.call('PUT', `/api${url}`, {
      token: await app.login('DE', 'coordinator'),
      body: {
        templateVersion: 1,
        version: 1,
        values: { 'A2.text': 'Monthly meetings in Rabat.', 'A5.text': 'A common reporting template.' },
      },
    });
    expect(colleague.status, JSON.stringify(colleague.json)).toBe(200);

    const difficulties = de.getByRole('textbox', { name: 'Difficulties and recommendations' });
    await difficulties.fill('Visas for the liaison officers take months.');
    const conflict = de.getByRole('alert').filter({ hasText: 'Someone else saved this contribution' });
    await conflict.waitFor();
    expect(await statusOf(de).textContent()).toContain('Not saved: a newer version was saved meanwhile');
    expect(await difficulties.inputValue()).toBe('Visas for the liaison officers take months.');
    await expectNoSeriousViolations(de);

    await conflict.getByRole('button', { name: 'Reload the latest version' }).click();
    const setAside = de.getByRole('region', { name: 'The form now shows version 2' });
    await setAside.waitFor();
    expect(await difficulties.inputValue()).toBe('');
    expect(await de.getByRole('textbox', { name: 'Common approaches' }).inputValue()).toBe(
      'A common reporting template.',
    );
    const comparison = setAside.getByRole('table', { name: 'Your changes and the latest version' });
    expect(await comparison.locator('tbody tr').allTextContents()).toEqual([
      'Difficulties and recommendationsVisas for the liaison officers take months.Nothing entered',
    ]);
    await expectNoSeriousViolations(de);

    await setAside.getByRole('button', { name: 'Put back my changes' }).click();
    expect(await difficulties.inputValue()).toBe('Visas for the liaison officers take months.');
    expect(await de.getByRole('textbox', { name: 'Common approaches' }).inputValue()).toBe(
      'A common reporting template.',
    );
    await waitUntilSaved(de);
    const saved = await app.call('GET', `/api${url}`, { token: await app.login('DE', 'editor') });
    expect(saved.json).toMatchObject({
      version: 3,
      values: {
        'A2.text': 'Monthly meetings in Rabat.',
        'A5.text': 'A common reporting template.',
        'A9.text': 'Visas for the liaison officers take months.',
      },
    });
  });

  it('the Commission closes the semester early, after saying so; the drafts are then locked, in those words', async () => {
    const ec = await signIn('European Commission', 'Administrator');
    await ec.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Semesters' }).click();
    await ec.getByRole('link', { name: current, exact: true }).click();
    await ec.getByRole('heading', { level: 1, name: `Semester ${current}` }).waitFor();
    await ec.getByRole('button', { name: 'Close the semester…' }).click();
    const dialog = ec.getByRole('dialog', { name: `Close semester ${current}?` });
    await dialog.waitFor();
    const early = dialog.getByRole('checkbox', { name: /^Close early: the semester ends on/ });
    expect(await isFocused(early)).toBe(true);
    await dialog.getByRole('button', { name: 'Close the semester' }).click();
    await dialog.getByText(/^Tick “Close early” to close the semester before its end/).waitFor();
    expect(await early.getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousViolations(ec);
    await early.check();
    await dialog.getByRole('button', { name: 'Close the semester' }).click();
    await ec.getByText(`Semester ${current} is closed.`).waitFor();
    expect(await ec.getByRole('dialog').count()).toBe(0);
    expect(await ec.locator('dl').getByText('Closed', { exact: true }).count()).toBe(1);
    expect(await ec.getByRole('button', { name: 'Close the semester…' }).count()).toBe(0);
    await expectNoSeriousViolations(ec);

    const de = await signIn('Germany', 'Editor');
    await de.goto(`${app.baseUrl}${contributionUrl('MA', 'DE')}`);
    await de
      .getByText(
        'The semester is closed: this contribution can no longer be changed, unless the Commission or the drafting state reopens it.',
      )
      .waitFor();
    expect(await de.getByRole('main').getByRole('textbox').count()).toBe(0);
    expect(await de.getByRole('main').getByText('Visas for the liaison officers take months.').count()).toBe(
      1,
    );
    await expectNoSeriousViolations(de);

    // A late-submission exception: the Commission reopens this one contribution, and Germany can write again.
    await ec.goto(`${app.baseUrl}${contributionUrl('MA', 'DE')}`);
    await ec.getByRole('button', { name: 'Reopen the contribution' }).click();
    await ec
      .getByRole('dialog', { name: 'Reopen this contribution?' })
      .getByRole('button', { name: 'Reopen' })
      .click();
    await ec.getByText('The contribution is reopened: Germany can change it and submit it again.').waitFor();
    expect(await ec.getByRole('main').getByRole('textbox').count()).toBe(0);
    await de.reload();
    const difficulties = de.getByRole('textbox', { name: 'Difficulties and recommendations' });
    expect(await difficulties.inputValue()).toBe('Visas for the liaison officers take months.');
    await difficulties.fill('Visas for the liaison officers take months; two are still waiting.');
    await waitUntilSaved(de);
  });
});

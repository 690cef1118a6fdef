import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '#shared/dates.ts';
import { brusselsDate } from '#shared/semesters.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import {
  browserPeople,
  expectNoSeriousViolations,
  launchBrowser,
  signInThroughPage,
} from '../support/browser.ts';

let app: TestApp;
let browser: Browser;
const people = browserPeople(() => ({ browser, baseUrl: app.baseUrl }));

const today = brusselsDate(new Date());
/** A month ago: the ILOs are in post today and during the current semester. */
const START = addMonths(today, -1);

const englishDate = (isoDate: string) =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));

/** A notified secondment of `state` to Morocco, written through the API as a state editor would. */
async function notifySecondment(state: string, city: string): Promise<void> {
  const token = await app.login(state, 'editor');
  const created = await app.call('POST', '/api/secondments', {
    token,
    body: {
      hostCountry: 'MA',
      post: { city, mission: 'embassy' },
      authority: `${state} border police`,
      officer: { name: `Officer of ${state}` },
      startDate: START,
      tasks: ['flows', 'routes'],
      taskDescription: '',
      regionalCoverage: [],
      languages: ['fr'],
    },
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const notified = await app.call('POST', `/api/secondments/${created.json.id}/notify`, {
    token,
    body: { version: created.json.version },
  });
  expect(notified.status, JSON.stringify(notified.json)).toBe(200);
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({ serveWeb: true }), launchBrowser()]);
  // Two states with one ILO each in Morocco: neither holds the Presidency in the calendar (2024–2030),
  // so the member with most ILOs drafts, ties going to the first code: Germany (DE) before France (FR).
  await notifySecondment('DE', 'Rabat');
  await notifySecondment('FR', 'Casablanca');
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

/** Picks an option of a combobox with the keyboard alone: type part of its name, arrow to it, Enter. */
async function pickWithKeyboard(page: Page, combobox: Locator, typed: string, option: string): Promise<void> {
  await combobox.focus();
  await page.keyboard.type(typed);
  const listbox = page.locator(`#${await combobox.getAttribute('aria-controls')}`);
  await listbox.waitFor();
  for (let step = 0; step < 10; step += 1) {
    const activeId = await combobox.getAttribute('aria-activedescendant');
    const active = activeId ? await page.locator(`#${activeId}`).textContent() : null;
    if (active === option) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
}

/** The term and description pairs of a definition list. */
function factsOf(part: Locator): Promise<Record<string, string>> {
  return part
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

describe('a network, from the index to a recorded meeting', () => {
  it("a member state's editor sees the network and its drafting state, and records a meeting the Commission did not attend", async () => {
    const de = await signIn('Germany', 'Editor');

    // The index, from the main navigation: Morocco with its two members.
    await de.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Networks' }).click();
    await de.getByRole('heading', { level: 1, name: 'Networks' }).waitFor();
    const index = de.getByRole('table', { name: '1 host country with ILOs today' });
    const morocco = index.getByRole('row').filter({ has: de.getByRole('link', { name: 'Morocco' }) });
    await morocco.waitFor();
    expect(await morocco.locator('td').allTextContents()).toEqual(['France (1 ILO), Germany (1 ILO)', '2']);
    await expectNoSeriousViolations(de);

    // The network page: members, and who drafts the report and why.
    await morocco.getByRole('link', { name: 'Morocco' }).click();
    await de.getByRole('heading', { level: 1, name: 'ILO network in Morocco' }).waitFor();
    const drafting = de.getByRole('region', { name: /^Who drafts the \d{4}-H[12] report$/ });
    expect(await drafting.locator('.drafting-state').textContent()).toMatch(
      /^Germany — the member with most ILOs \(fallback\): the Presidency \(.+\) has no ILO here/,
    );
    expect(await drafting.textContent()).toContain('Provisional');
    expect(await factsOf(drafting)).toMatchObject({
      'Acting on behalf of the Presidency': 'No state designated',
    });
    const members = de.getByRole('table', { name: /^ILOs per member state, today and in / });
    expect(await members.locator('tbody tr').allTextContents()).toEqual([
      'France11',
      'GermanyDrafts the report11',
    ]);
    // An editor records activities but designates no one.
    expect(await de.getByRole('button', { name: 'Designate the acting state' }).count()).toBe(0);
    await de.getByText(/^No activity recorded for/).waitFor();
    await expectNoSeriousViolations(de);

    // The meeting form: the Commission absent, no reason given.
    await de.getByRole('link', { name: 'Record a meeting' }).click();
    await de.getByRole('heading', { level: 1, name: 'Record a meeting: Morocco' }).waitFor();
    expect(await de.getByRole('combobox', { name: 'Convened by' }).inputValue()).toBe('Germany');
    await pickWithKeyboard(de, de.getByRole('combobox', { name: 'Participating states' }), 'fran', 'France');
    await de.keyboard.press('Escape');
    expect(await de.getByRole('list', { name: 'Chosen (2):' }).textContent()).toMatch(
      /France.*Germany|Germany.*France/,
    );
    const reason = de.getByLabel('Why the Commission or the Agency did not attend');
    expect(await reason.count()).toBe(0);
    await de.getByRole('checkbox', { name: 'The European Commission attended' }).uncheck();
    await reason.waitFor();
    await de.getByLabel('Topics').fill('Routes through the Strait\nDocument fraud at the airport');
    await de.getByLabel('Summary').fill('Quarterly meeting of the ILOs in Rabat.');
    await de.getByRole('button', { name: 'Record the meeting' }).click();

    const message = 'Record the operational reason why the Commission or the EBCG Agency did not attend';
    const summary = de.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([message]);
    await expect.poll(() => isFocused(reason)).toBe(true);
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await reason.getAttribute('aria-describedby')) ?? '';
    const described = await Promise.all(
      describedBy.split(' ').map((id) => de.locator(`#${id}`).textContent()),
    );
    expect(described).toContain(message);
    expect(de.url()).toMatch(/\/networks\/MA\/record\/meeting/);
    await expectNoSeriousViolations(de);

    // With the reason, it is saved and shown in the timeline.
    await reason.fill('The Commission representative was on mission in Dakar.');
    await de.getByRole('button', { name: 'Record the meeting' }).click();
    await de.getByRole('heading', { level: 1, name: 'ILO network in Morocco' }).waitFor();
    await de.getByText('Meeting recorded.', { exact: false }).waitFor();
    const meeting = de.getByRole('article', { name: `Meeting · ${englishDate(today)}` });
    await meeting.waitFor();
    expect(await meeting.textContent()).toContain('Recorded by Germany');
    expect(await factsOf(meeting)).toEqual({
      'Convened by': 'Germany',
      'Participating states': 'Germany and France',
      'European Commission': 'Absent',
      'EBCG Agency': 'Present',
      'Why not attended': 'The Commission representative was on mission in Dakar.',
      Topics: 'Routes through the StraitDocument fraud at the airport',
      Summary: 'Quarterly meeting of the ILOs in Rabat.',
    });
    await expectNoSeriousViolations(de);

    // The recording state changes its own record.
    await meeting.getByRole('link', { name: /^Change/ }).click();
    await de.getByRole('heading', { level: 1, name: 'Change a meeting: Morocco' }).waitFor();
    expect(await de.getByLabel('Why the Commission or the Agency did not attend').inputValue()).toBe(
      'The Commission representative was on mission in Dakar.',
    );
    await de.getByLabel('Summary').fill('Quarterly meeting of the ILOs in Rabat; next one in Tangier.');
    await de.getByRole('button', { name: 'Save the changes' }).click();
    await de.getByText('Meeting changed.').waitFor();
    expect(await factsOf(meeting)).toMatchObject({
      Summary: 'Quarterly meeting of the ILOs in Rabat; next one in Tangier.',
    });

    // The same page in French.
    await de.getByRole('button', { name: 'Français' }).click();
    await de.getByRole('heading', { level: 1, name: "Réseau d'OLI – pays hôte : Maroc" }).waitFor();
    expect(await de.locator('.drafting-state').textContent()).toMatch(
      /^Allemagne — le membre comptant le plus d'OLI \(règle subsidiaire\)/,
    );
    await de.getByRole('button', { name: 'English' }).click();

    // France sees the meeting, and cannot change it.
    const fr = await signIn('France', 'Editor');
    await fr.goto(`${app.baseUrl}/networks/MA`);
    const seen = fr.getByRole('article', { name: `Meeting · ${englishDate(today)}` });
    await seen.waitFor();
    expect(await seen.getByRole('link', { name: /^Change/ }).count()).toBe(0);

    // The arrangements, from the network page.
    await de.getByRole('link', { name: 'All arrangements in Morocco' }).click();
    await de.getByRole('heading', { level: 1, name: 'Representation and task sharing' }).waitFor();
    await de.getByText('No arrangement matches.').waitFor();
    await expectNoSeriousViolations(de);
  });

  it("a coordinator proposes an arrangement that must include its own state, and the other party's coordinator accepts it", async () => {
    const de = await signIn('Germany', 'Coordinator');
    await de.goto(`${app.baseUrl}/arrangements`);
    await de.getByRole('heading', { level: 1, name: 'Representation and task sharing' }).waitFor();
    await de.getByRole('link', { name: 'Propose an arrangement' }).click();
    await de.getByRole('heading', { level: 1, name: 'Propose an arrangement' }).waitFor();

    // Without its own state among the parties, the form says so at the parties.
    await de.getByRole('button', { name: 'Remove Germany' }).click();
    await de.getByRole('radio', { name: 'Representation' }).check();
    const parties = de.getByRole('combobox', { name: 'Parties' });
    await pickWithKeyboard(de, parties, 'fran', 'France');
    await de.keyboard.press('Escape');
    await pickWithKeyboard(de, de.getByRole('combobox', { name: 'Host countries' }), 'moroc', 'Morocco');
    await de.keyboard.press('Escape');
    await de.getByLabel('Scope').fill("Germany's ILO in Rabat also handles France's document-fraud cases.");
    await de.getByRole('button', { name: 'Propose the arrangement' }).click();
    await de.getByRole('alert').filter({ hasText: 'Add your state, Germany, to the parties' }).waitFor();
    await expect.poll(() => isFocused(parties)).toBe(true);
    await expectNoSeriousViolations(de);

    await pickWithKeyboard(de, parties, 'germ', 'Germany');
    await de.keyboard.press('Escape');
    await de.getByRole('button', { name: 'Propose the arrangement' }).click();
    await de.getByRole('heading', { level: 1, name: 'Representation in Morocco' }).waitFor();
    await de.getByText(/^The arrangement is proposed/).waitFor();
    const url = de.url();
    await expectNoSeriousViolations(de);

    // France's coordinator accepts it: it is then in effect, and shown on the network page.
    const fr = await signIn('France', 'Coordinator');
    await fr.goto(url);
    await fr.getByRole('heading', { level: 1, name: 'Representation in Morocco' }).waitFor();
    await fr.getByRole('button', { name: 'Accept for your state' }).click();
    const dialog = fr.getByRole('dialog', { name: 'Accept this arrangement?' });
    await dialog.waitFor();
    await expectNoSeriousViolations(fr);
    await dialog.getByRole('button', { name: 'Accept' }).click();
    await fr.getByText(/every party has now accepted, so the arrangement is in effect/).waitFor();
    expect(await fr.getByRole('button', { name: 'Accept for your state' }).count()).toBe(0);

    await fr.goto(`${app.baseUrl}/networks/MA`);
    const inForce = fr.getByRole('region', { name: 'Representation and task sharing' });
    await inForce.getByRole('link', { name: 'Representation: France and Germany' }).waitFor();
    expect(await inForce.textContent()).toContain('In effect from');
  });
});

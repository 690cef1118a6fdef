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

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({ serveWeb: true }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const today = brusselsDate(new Date());
/** A start date next month: the secondment is planned, so its state may still withdraw it. */
const START = addMonths(today, 1);

const englishDate = (isoDate: string) =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));

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
  // Typing makes the first match active; arrow down until the wanted option is the active one.
  for (let step = 0; step < 10; step += 1) {
    const activeId = await combobox.getAttribute('aria-activedescendant');
    const active = activeId ? await page.locator(`#${activeId}`).textContent() : null;
    if (active === option) break;
    await page.keyboard.press('ArrowDown');
  }
  expect(await page.locator(`#${await combobox.getAttribute('aria-activedescendant')}`).textContent()).toBe(
    option,
  );
  await page.keyboard.press('Enter');
}

/** The term and description pairs of the definition lists of a page part. */
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

function secondmentBody(overrides: Record<string, unknown> = {}) {
  return {
    hostCountry: 'TR',
    post: { city: 'Ankara', mission: 'embassy' },
    authority: 'Bundespolizei',
    officer: { name: 'Erika Mustermann', email: 'erika.mustermann@example.org' },
    startDate: START,
    tasks: ['flows'],
    taskDescription: '',
    regionalCoverage: [],
    languages: ['de'],
    ...overrides,
  };
}

describe('notifying a secondment, from the form to the other states', () => {
  it('a DE editor drafts one with the keyboard pickers and notifies it; a FR editor sees it and cannot change it', async () => {
    const de = await signIn('Germany', 'Editor');

    // The list, from the main navigation.
    await de.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Secondments' }).click();
    await de.getByRole('heading', { level: 1, name: 'Secondments' }).waitFor();
    await de.getByText(/No notified secondment matches|Showing \d+ secondment/).waitFor();
    await expectNoSeriousViolations(de);

    // The form: sent empty first, it names every problem and focuses the first field in error.
    await de.getByRole('link', { name: 'New secondment' }).click();
    await de.getByRole('heading', { level: 1, name: 'New secondment' }).waitFor();
    await de.getByRole('button', { name: 'Save the draft' }).click();
    const hostCountry = de.getByRole('combobox', { name: 'Host country' });
    await de.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    expect(await isFocused(hostCountry)).toBe(true);
    expect(await hostCountry.getAttribute('aria-invalid')).toBe('true');
    const summary = await de.getByRole('alert').filter({ hasText: 'There is a problem' }).textContent();
    expect(summary).toContain('Choose the host country from the list');
    expect(summary).toContain('Enter the city of the post');
    expect(summary).toContain('Choose at least one task');
    await expectNoSeriousViolations(de);

    await pickWithKeyboard(de, hostCountry, 'türk', 'Türkiye');
    expect(await hostCountry.inputValue()).toBe('Türkiye');
    await de.getByLabel('City of the post').fill('Ankara');
    await de.getByRole('radio', { name: 'Embassy' }).check();

    const coverage = de.getByRole('combobox', { name: /^Regional coverage/ });
    await pickWithKeyboard(de, coverage, 'georg', 'Georgia');
    await de.keyboard.type('iran');
    await de.keyboard.press('Enter');
    await de.keyboard.press('Escape');
    expect(await de.getByRole('list', { name: 'Chosen (2):' }).first().textContent()).toContain('Georgia');
    await expect(coverage.getAttribute('aria-expanded')).resolves.toBe('false');

    await de.getByLabel('Seconding authority').fill('Bundespolizei');
    await de.getByLabel("Officer's name").fill('Erika Mustermann');
    await de.getByLabel(/^Work e-mail/).fill('erika.mustermann@example.org');
    await de.getByLabel(/^Start date/).fill(START);
    await de.getByRole('checkbox', { name: 'Irregular migration flows' }).check();
    await de.getByRole('checkbox', { name: 'Document fraud' }).check();
    await de.getByLabel(/^Description of the tasks/).fill('Document advice to carriers at Istanbul airport.');
    const languages = de.getByRole('combobox', { name: /^Working languages/ });
    await pickWithKeyboard(de, languages, 'germ', 'German');
    await de.keyboard.press('Escape');
    // The form revalidates as it is corrected: no error is left.
    expect(await de.locator('[aria-invalid="true"]').count()).toBe(0);

    await de.getByRole('button', { name: 'Save the draft' }).click();
    const title = 'Germany: Ankara, Türkiye';
    await de.getByRole('heading', { level: 1, name: title }).waitFor();
    const draftUrl = de.url();
    expect(draftUrl).toMatch(/\/secondments\/[0-9A-Z]{26}$/);
    await de.getByText('The draft is saved.').waitFor();
    expect(await factsOf(de.getByRole('region', { name: 'Summary' }))).toMatchObject({
      Status: 'Draft',
      Version: '1',
    });
    expect(await factsOf(de.getByRole('region', { name: 'Host country and post' }))).toEqual({
      'Host country': 'Türkiye',
      'City of the post': 'Ankara',
      'Kind of mission': 'Embassy',
      'Regional coverage': 'Georgia and Iran',
    });
    const actions = de.getByRole('region', { name: 'What you can do' });
    expect(await actions.getByRole('button').allTextContents()).toEqual(['Notify']);
    expect(await actions.getByRole('link').allTextContents()).toEqual(['Edit the draft']);
    await expectNoSeriousViolations(de);

    // Notify, after confirming.
    await actions.getByRole('button', { name: 'Notify' }).click();
    const dialog = de.getByRole('dialog', { name: 'Notify this secondment?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(
      `It is shown as planned until it starts on ${englishDate(START)}.`,
    );
    await expectNoSeriousViolations(de);
    await dialog.getByRole('button', { name: 'Notify' }).click();
    await de.getByText('The secondment is notified').waitFor();
    expect(await factsOf(de.getByRole('region', { name: 'Summary' }))).toMatchObject({
      Status: 'Notified · Planned',
      Version: '2',
    });
    expect(await actions.getByRole('button').allTextContents()).toEqual(['End', 'Withdraw']);
    expect(await actions.getByRole('link').allTextContents()).toEqual(['Amend']);
    const history = de.getByRole('table', { name: 'Every version of this secondment, newest first' });
    await history.getByRole('cell', { name: 'Notified', exact: true }).waitFor();
    expect(await history.locator('tbody tr').count()).toBe(2);
    expect(await history.locator('tbody tr').first().locator('td').first().textContent()).toBe('Notified');

    // France learns of it on its dashboard, in its own words in French too.
    const fr = await signIn('France', 'Editor');
    const feed = fr.getByRole('region', { name: 'Latest notifications' });
    const sentence = feed.getByRole('link', { name: 'Germany notified a secondment to Türkiye' });
    await sentence.waitFor();
    await expectNoSeriousViolations(fr);
    await fr.getByRole('button', { name: 'Français' }).click();
    await fr
      .getByRole('region', { name: 'Dernières notifications' })
      .getByRole('link', { name: 'Allemagne : nouveau détachement notifié (pays hôte : Turquie)' })
      .waitFor();
    await fr.getByRole('button', { name: 'English' }).click();

    // ... opens it, and can change nothing: no action is offered.
    await sentence.click();
    await fr.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(fr.url()).toBe(draftUrl);
    expect(await factsOf(fr.getByRole('region', { name: 'Seconding authority and officer' }))).toMatchObject({
      "Officer's name": 'Erika Mustermann',
    });
    expect(await fr.getByRole('region', { name: 'What you can do' }).count()).toBe(0);
    for (const name of ['Notify', 'End', 'Withdraw', 'Edit the draft', 'Amend']) {
      expect(await fr.getByRole('main').getByRole('button', { name, exact: true }).count(), name).toBe(0);
      expect(await fr.getByRole('main').getByRole('link', { name, exact: true }).count(), name).toBe(0);
    }
    await expectNoSeriousViolations(fr);

    // ... finds it in the list, filtered by host country.
    await fr.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Secondments' }).click();
    await fr.getByRole('heading', { level: 1, name: 'Secondments' }).waitFor();
    await fr.getByLabel('Host country', { exact: true }).selectOption({ label: 'Türkiye' });
    await fr.getByRole('button', { name: 'Apply the filters' }).click();
    const table = fr.getByRole('table', { name: 'Notified secondments: host country Türkiye' });
    const row = table.getByRole('row').filter({ has: fr.getByRole('link', { name: 'Ankara' }) });
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toEqual([
      'Türkiye',
      'Germany',
      englishDate(START),
      'Not set',
      'Notified · Planned',
    ]);
    await expectNoSeriousViolations(fr);

    // ... and the server refuses a change it might try all the same.
    const id = draftUrl.split('/').pop() ?? '';
    const put = await app.call('PUT', `/api/secondments/${id}`, {
      token: await app.login('FR', 'editor'),
      body: { ...secondmentBody(), version: 2 },
    });
    expect(put.status).toBe(403);
  });

  it('the host country box: "tur", Down and Enter pick Türkiye, as its hint says; in French "turq" picks Turquie', async () => {
    const de = await signIn('Germany', 'Editor');
    await de.goto(`${app.baseUrl}/secondments/new`);
    await de.getByRole('heading', { level: 1, name: 'New secondment' }).waitFor();
    const hostCountry = de.getByRole('combobox', { name: 'Host country' });
    const activeOption = async (box: Locator) => {
      const activeId = await box.getAttribute('aria-activedescendant');
      return activeId ? de.locator(`#${activeId}`).textContent() : null;
    };
    const typeDownEnter = async (box: Locator, typed: string) => {
      await box.focus();
      await de.keyboard.press('ControlOrMeta+A');
      await de.keyboard.type(typed);
      await de.locator(`#${await box.getAttribute('aria-controls')}`).waitFor();
      await de.keyboard.press('ArrowDown');
      const active = await activeOption(box);
      await de.keyboard.press('Enter');
      return active;
    };

    await hostCountry.focus();
    await de.keyboard.type('tur');
    const listbox = de.getByRole('listbox', { name: 'Host country' });
    await listbox.waitFor();
    expect((await listbox.getByRole('option').allTextContents()).slice(0, 2)).toEqual([
      'Türkiye',
      'Turkmenistan',
    ]);
    // Typing only suggests the first match: the focus stays in the text until Down.
    expect(await activeOption(hostCountry)).toBeNull();
    await de.keyboard.press('Escape');
    expect(await typeDownEnter(hostCountry, 'tur')).toBe('Türkiye');
    expect(await hostCountry.inputValue()).toBe('Türkiye');
    await expectNoSeriousViolations(de);

    // In French the chosen country is named in French, and its French name finds it the same way.
    await de.getByRole('button', { name: 'Français' }).click();
    const pays = de.getByRole('combobox', { name: 'Pays hôte' });
    await pays.waitFor();
    expect(await pays.inputValue()).toBe('Turquie');
    expect(await typeDownEnter(pays, 'turkm')).toBe('Turkménistan');
    expect(await typeDownEnter(pays, 'turq')).toBe('Turquie');
    expect(await pays.inputValue()).toBe('Turquie');
    await de.getByRole('button', { name: 'English' }).click();
  });

  it('keeps what was typed through a reload, asks before leaving it, and discards it only when asked', async () => {
    const de = await signIn('Germany', 'Editor');
    await de.goto(`${app.baseUrl}/secondments/new`);
    await de.getByRole('heading', { level: 1, name: 'New secondment' }).waitFor();
    await pickWithKeyboard(de, de.getByRole('combobox', { name: 'Host country' }), 'moroc', 'Morocco');
    await de.getByLabel('City of the post').fill('Rabat');
    await de.getByRole('checkbox', { name: 'Return' }).check();
    await de.getByLabel(/^Description of the tasks/).pressSequentially('Readmission cases');
    await de.getByText(/^Not saved yet: kept in this browser at/).waitFor();

    // The browser asks before reloading a page with unsaved changes; reloading all the same keeps them.
    const prompts: string[] = [];
    de.on('dialog', (dialog) => {
      prompts.push(dialog.type());
      void dialog.accept();
    });
    await de.reload();
    await de.getByRole('heading', { level: 1, name: 'New secondment' }).waitFor();
    expect(prompts).toEqual(['beforeunload']);
    await de.getByText(/^This form shows what you typed in this browser/).waitFor();
    expect(await de.getByRole('combobox', { name: 'Host country' }).inputValue()).toBe('Morocco');
    expect(await de.getByLabel('City of the post').inputValue()).toBe('Rabat');
    expect(await de.getByRole('checkbox', { name: 'Return' }).isChecked()).toBe(true);
    expect(await de.getByLabel(/^Description of the tasks/).inputValue()).toBe('Readmission cases');
    await expectNoSeriousViolations(de);

    // Leaving by a link asks first; staying keeps everything.
    await de.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    const leave = de.getByRole('dialog', { name: 'Leave this page?' });
    await leave.waitFor();
    await expectNoSeriousViolations(de);
    await leave.getByRole('button', { name: 'Stay on this page' }).click();
    expect(de.url()).toBe(`${app.baseUrl}/secondments/new`);
    expect(await de.getByLabel('City of the post').inputValue()).toBe('Rabat');

    // Discarding asks, then empties the form and the browser's copy.
    await de.getByRole('button', { name: 'Discard my changes' }).click();
    await de
      .getByRole('dialog', { name: 'Discard your changes?' })
      .getByRole('button', { name: 'Discard' })
      .click();
    expect(await de.getByLabel('City of the post').inputValue()).toBe('');
    expect(await de.getByRole('combobox', { name: 'Host country' }).inputValue()).toBe('');
    await de.reload();
    await de.getByRole('heading', { level: 1, name: 'New secondment' }).waitFor();
    expect(await de.getByLabel('City of the post').inputValue()).toBe('');
  });

  it('when someone else saved meanwhile, reloads the latest version and puts the changes back over it', async () => {
    const token = await app.login('DE', 'editor');
    const created = await app.call('POST', '/api/secondments', { token, body: secondmentBody() });
    expect(created.status).toBe(201);
    const { id } = created.json;

    const de = await signIn('Germany', 'Editor');
    await de.goto(`${app.baseUrl}/secondments/${id}/edit`);
    await de.getByRole('heading', { level: 1, name: 'Edit the draft' }).waitFor();
    const city = de.getByLabel('City of the post');
    await city.fill('Izmir');

    // A colleague changes the authority in the meantime.
    const colleague = await app.call('PUT', `/api/secondments/${id}`, {
      token,
      body: { ...secondmentBody({ authority: 'Bundespolizeipräsidium' }), version: 1 },
    });
    expect(colleague.status).toBe(200);

    await de.getByRole('button', { name: 'Save the draft' }).click();
    const conflict = de.getByRole('alert').filter({ hasText: 'Someone else changed this secondment' });
    await conflict.waitFor();
    expect(await city.inputValue()).toBe('Izmir');
    await expectNoSeriousViolations(de);

    await conflict.getByRole('button', { name: 'Reload the latest version' }).click();
    const setAside = de.getByRole('region', { name: 'The form now shows version 2' });
    await setAside.waitFor();
    expect(await city.inputValue()).toBe('Ankara');
    expect(await de.getByLabel('Seconding authority').inputValue()).toBe('Bundespolizeipräsidium');
    const comparison = setAside.getByRole('table', { name: 'Your changes and the latest version' });
    expect(await comparison.locator('tbody tr').allTextContents()).toEqual(['City of the postIzmirAnkara']);
    await expectNoSeriousViolations(de);

    await setAside.getByRole('button', { name: 'Put back my changes' }).click();
    expect(await city.inputValue()).toBe('Izmir');
    expect(await de.getByLabel('Seconding authority').inputValue()).toBe('Bundespolizeipräsidium');
    await de.getByRole('button', { name: 'Save the draft' }).click();
    await de.getByRole('heading', { level: 1, name: 'Germany: Izmir, Türkiye' }).waitFor();
    expect(await factsOf(de.getByRole('region', { name: 'Seconding authority and officer' }))).toMatchObject({
      'Seconding authority': 'Bundespolizeipräsidium',
    });
    expect(await factsOf(de.getByRole('region', { name: 'Summary' }))).toMatchObject({ Version: '3' });
  });

  it('keeps everything on screen when a save fails, and shows the fields the server names as wrong', async () => {
    const de = await signIn('Germany', 'Editor');
    await de.goto(`${app.baseUrl}/secondments/new`);
    await de.getByRole('heading', { level: 1, name: 'New secondment' }).waitFor();
    await pickWithKeyboard(de, de.getByRole('combobox', { name: 'Host country' }), 'afgh', 'Afghanistan');
    const city = de.getByLabel('City of the post');
    await city.fill('Kabul');
    await de.getByRole('radio', { name: 'Consulate' }).check();
    await de.getByLabel('Seconding authority').fill('Bundespolizei');
    await de.getByLabel("Officer's name").fill('Max Mustermann');
    await de.getByLabel(/^Start date/).fill(START);
    await de.getByRole('checkbox', { name: 'Routes' }).check();
    const save = de.getByRole('button', { name: 'Save the draft' });

    // No answer at all.
    await de.route('**/api/secondments', (route) => route.abort('internetdisconnected'));
    await save.click();
    const failed = de.getByRole('alert').filter({ hasText: 'Your changes could not be saved' });
    await failed.waitFor();
    expect(await failed.textContent()).toContain('The server cannot be reached');
    expect(await city.inputValue()).toBe('Kabul');
    expect(await de.getByRole('status').filter({ hasText: 'Not saved.' }).count()).toBe(1);
    await de.unroute('**/api/secondments');

    // A refusal naming fields: each message beside its field, the first of them focused.
    await de.route('**/api/secondments', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({
          error: {
            code: 'invalid_request',
            message: 'Some fields are not valid',
            fields: {
              'regionalCoverage.0': 'Not a host country',
              'post.city': 'Not a city the server knows',
            },
          },
        }),
      }),
    );
    await save.click();
    await de.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    expect(await isFocused(city)).toBe(true);
    expect(await city.getAttribute('aria-invalid')).toBe('true');
    const described = await city.evaluate((element) =>
      (element.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id: string) => element.ownerDocument.getElementById(id)?.textContent)
        .join(' '),
    );
    expect(described).toContain('Not a city the server knows');
    expect(await de.getByRole('combobox', { name: /^Regional coverage/ }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(await city.inputValue()).toBe('Kabul');
    await expectNoSeriousViolations(de);
    await de.unroute('**/api/secondments');

    // Once the server accepts, the draft is saved as typed.
    await save.click();
    await de.getByRole('heading', { level: 1, name: 'Germany: Kabul, Afghanistan' }).waitFor();
  });
});

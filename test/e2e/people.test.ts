import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import {
  expectNoSeriousViolations,
  launchBrowser,
  signInByEmailThroughPage,
  signInThroughPage,
} from '../support/browser.ts';

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

const people = () => ({ browser, baseUrl: app.baseUrl, contexts, pageErrors });
const signIn = (organisation: string, role: string) => signInThroughPage(people(), organisation, role);
const signInByEmail = (email: string) => signInByEmailThroughPage(people(), email);

const coordinator = { name: 'Anna Schmidt', email: 'anna.schmidt@bmi.de.example' };
const editor = { name: 'Ben Weber', email: 'ben.weber@bmi.de.example' };

/** Opens "Invite a person" and fills in what is given (the organisation only where the form asks for it). */
async function fillInvitation(
  page: Page,
  person: { organisation?: string; role: string; name: string; email: string },
) {
  await page.getByRole('button', { name: 'Invite a person' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite a person' });
  await dialog.waitFor();
  if (person.organisation)
    await dialog.getByLabel('Organisation', { exact: true }).selectOption({ label: person.organisation });
  await dialog.getByLabel('Role', { exact: true }).selectOption({ label: person.role });
  await dialog.getByLabel('Name', { exact: true }).fill(person.name);
  await dialog.getByLabel('E-mail address', { exact: true }).fill(person.email);
  return dialog;
}

/** The row of the people table that names this person. */
const rowOf = (page: Page, name: string) =>
  page.getByRole('main').getByRole('table').getByRole('row').filter({ hasText: name });

async function personIdOf(token: string, organisation: string, email: string): Promise<string> {
  const list = await app.call('GET', `/api/people?organisation=${organisation}`, { token });
  expect(list.status).toBe(200);
  const person = (list.json.items as { id: string; email: string }[]).find((p) => p.email === email);
  if (!person) throw new Error(`${email} is not among the people of ${organisation}`);
  return person.id;
}

async function auditOf(token: string, id: string) {
  const trail = await app.call('GET', `/api/audit?entity=person:${id}`, { token });
  expect(trail.status).toBe(200);
  return (trail.json.items as { action: string; actor: { subject: string } }[]).map(({ action, actor }) => ({
    action,
    by: actor.subject,
  }));
}

describe('the people directory in the browser (issue 16, Done when)', () => {
  it('lets the EC admin create a DE coordinator, who invites and disables a DE editor, all audited', async () => {
    // As the EC admin: People in the menu, any organisation chosen, a DE coordinator invited.
    const admin = await signIn('European Commission', 'Administrator');
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await admin.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    const picker = admin.getByRole('search', { name: 'Choose the organisation' });
    await picker.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Germany' });
    await picker.getByRole('button', { name: 'Show its people' }).click();
    await admin.waitForURL(/\/people\?organisation=DE$/);
    await admin
      .getByText('0 people')
      .or(admin.getByText('Nobody in this organisation yet.'))
      .first()
      .waitFor();
    await expectNoSeriousViolations(admin);

    const invitation = await fillInvitation(admin, { ...coordinator, role: 'Coordinator' });
    // The admin's form offers every organisation, and each one's roles only.
    expect(await invitation.getByLabel('Organisation', { exact: true }).inputValue()).toBe('DE');
    await expectNoSeriousViolations(admin);
    await invitation.getByRole('button', { name: 'Send the invitation' }).click();
    await admin
      .getByRole('status')
      .getByText('Anna Schmidt is invited to Germany.', { exact: false })
      .waitFor();
    await rowOf(admin, coordinator.name).getByRole('cell', { name: 'Coordinator' }).waitFor();
    await rowOf(admin, coordinator.name).getByRole('cell', { name: 'Active' }).waitFor();

    // Signed in as that person, by e-mail: People for their own state only.
    const anna = await signInByEmail(coordinator.email);
    await anna.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await anna.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await anna.getByRole('table', { name: 'People of Germany' }).waitFor();
    expect(await anna.getByRole('search', { name: 'Choose the organisation' }).count()).toBe(0);
    // Her sign-in is shown as people read a date, not "Not yet".
    expect(await rowOf(anna, coordinator.name).getByRole('cell', { name: 'Not yet' }).count()).toBe(0);
    await rowOf(anna, coordinator.name).locator('time').waitFor();

    // No other organisation and no EC admin role on offer; an e-mail already in use is said on its field.
    const dialog = await fillInvitation(anna, { ...editor, email: coordinator.email, role: 'Editor' });
    expect(await dialog.getByLabel('Organisation', { exact: true }).count()).toBe(0);
    await dialog.getByText('Organisation: Germany').waitFor();
    const roleChoices = await dialog.getByLabel('Role', { exact: true }).locator('option').allTextContents();
    expect(roleChoices).toEqual(['Choose a role', 'Editor', 'Coordinator', 'Reader']);
    await dialog.getByRole('button', { name: 'Send the invitation' }).click();
    const emailField = dialog.getByLabel('E-mail address', { exact: true });
    await expect.poll(() => emailField.getAttribute('aria-invalid')).toBe('true');
    await dialog
      .getByText('This e-mail address already belongs to a person of the directory')
      .first()
      .waitFor();
    await expectNoSeriousViolations(anna);
    await emailField.fill(editor.email);
    await dialog.getByRole('button', { name: 'Send the invitation' }).click();
    await anna.getByRole('status').getByText('Ben Weber is invited to Germany.', { exact: false }).waitFor();
    await rowOf(anna, editor.name).getByRole('cell', { name: 'Editor' }).waitFor();

    // The API refuses what the form does not offer.
    const annaLogin = await app.call('POST', '/api/dev/login', { body: { email: coordinator.email } });
    const annaToken = annaLogin.json.token as string;
    const forFrance = await app.call('POST', '/api/people', {
      token: annaToken,
      body: { organisation: 'FR', role: 'editor', name: 'X', email: 'x@fr.example', language: 'fr' },
    });
    expect(forFrance.status).toBe(403);
    const asAdmin = await app.call('POST', '/api/people', {
      token: annaToken,
      body: { organisation: 'EC', role: 'admin', name: 'Y', email: 'y@ec.example', language: 'en' },
    });
    expect(asAdmin.status).toBe(403);

    // The editor signs in; then the coordinator disables them, confirming with the keyboard.
    const ben = await signInByEmail(editor.email);
    expect(
      await ben.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).count(),
    ).toBe(0);
    await anna.reload();
    await rowOf(anna, editor.name).getByRole('button', { name: 'Disable Ben Weber' }).click();
    const confirm = anna.getByRole('dialog', { name: 'Disable Ben Weber?' });
    await confirm.waitFor();
    await expectNoSeriousViolations(anna);
    // The confirmation has the focus: Enter disables.
    await anna.keyboard.press('Enter');
    await anna.getByRole('status').getByText('Ben Weber is disabled.').waitFor();
    await rowOf(anna, editor.name).getByRole('cell', { name: 'Disabled' }).waitFor();
    await rowOf(anna, editor.name).getByRole('button', { name: 'Enable Ben Weber' }).waitFor();
    // Nobody disables themselves: no such button on her own row.
    expect(
      await rowOf(anna, coordinator.name)
        .getByRole('button', { name: /^Disable/ })
        .count(),
    ).toBe(0);

    // The editor's next request is refused (401 account_disabled), and the page says why.
    const refused = ben.waitForResponse(
      (response) => response.url().includes('/api/') && response.status() === 401,
    );
    await ben.reload();
    await refused;
    await ben.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await ben
      .getByText('Your account has been disabled, so you were signed out.', { exact: false })
      .waitFor();
    // Nor can they sign in again while disabled.
    await ben.getByLabel('A person of the directory, by e-mail address').check();
    await ben.getByLabel('E-mail address', { exact: true }).fill(editor.email);
    await ben.getByRole('button', { name: 'Sign in' }).click();
    await ben.getByRole('alert').getByText(`The account of ${editor.email} is disabled.`).waitFor();

    // All of it audited, with who did it.
    const ecToken = await app.login('EC', 'admin');
    const annaId = await personIdOf(ecToken, 'DE', coordinator.email);
    const benId = await personIdOf(ecToken, 'DE', editor.email);
    expect(await auditOf(ecToken, annaId)).toEqual([{ action: 'created', by: 'local-ec-admin' }]);
    expect(await auditOf(ecToken, benId)).toEqual([
      { action: 'created', by: annaId },
      { action: 'disabled', by: annaId },
    ]);
    expect(pageErrors).toEqual([]);
  });

  it('says when someone else changed the person meanwhile, and keeps a state its last coordinator', async () => {
    const ecToken = await app.login('EC', 'admin');
    const invited = await app.call('POST', '/api/people', {
      token: ecToken,
      body: {
        organisation: 'AT',
        role: 'coordinator',
        name: 'Lena Huber',
        email: 'lena.huber@bmi.at.example',
        language: 'en',
      },
    });
    expect(invited.status).toBe(201);
    const admin = await signIn('European Commission', 'Administrator');
    await admin.goto(`${app.baseUrl}/people?organisation=AT`);
    await rowOf(admin, 'Lena Huber').getByRole('button', { name: 'Change Lena Huber' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Change Lena Huber' });
    await dialog.getByLabel('Name', { exact: true }).fill('Lena Maria Huber');

    // Meanwhile someone else saves a change: this one is refused, said, and the latest is offered.
    const meanwhile = await app.call('PUT', `/api/people/${invited.json.id}`, {
      token: ecToken,
      body: { version: 1, role: 'coordinator', name: 'Lena Huber-Gruber', language: 'fr' },
    });
    expect(meanwhile.status).toBe(200);
    await dialog.getByRole('button', { name: 'Save the change' }).click();
    await dialog.getByRole('alert').getByText('Someone changed this person meanwhile').waitFor();
    await dialog.getByRole('button', { name: 'Show the latest version' }).click();
    expect(await dialog.getByLabel('Name', { exact: true }).inputValue()).toBe('Lena Huber-Gruber');
    expect(await dialog.getByLabel('Language', { exact: true }).inputValue()).toBe('fr');

    // The state's only coordinator cannot become an editor: the form says what to do instead.
    await dialog.getByLabel('Role', { exact: true }).selectOption({ label: 'Editor' });
    await dialog.getByRole('button', { name: 'Save the change' }).click();
    await dialog.getByText('This is the last active coordinator of the state.', { exact: false }).waitFor();
    await expectNoSeriousViolations(admin);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await rowOf(admin, 'Lena Huber-Gruber').getByRole('cell', { name: 'Coordinator' }).waitFor();
    // Nor can she be disabled: no such button.
    expect(
      await rowOf(admin, 'Lena Huber-Gruber')
        .getByRole('button', { name: /^Disable/ })
        .count(),
    ).toBe(0);
  });

  it('keeps My account preferences: saved, shown back after a reload and at the next sign-in, the page in the chosen language', async () => {
    const page = await signIn('Germany', 'Reader');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My account' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await page.getByText('reader.de@demo.ilo-network.example').waitFor();
    // A reader manages nobody: no People in the menu.
    expect(
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).count(),
    ).toBe(0);
    await expectNoSeriousViolations(page);

    const reminders = page.getByRole('group', { name: 'Reminders of contributions due' });
    const finalised = page.getByRole('group', { name: 'A report is finalised' });
    // The kinds' defaults until the person chooses.
    expect(await reminders.getByLabel('At once').isChecked()).toBe(true);
    await reminders.getByLabel('Daily digest').check();
    await finalised.getByLabel('Off').check();
    await page.getByRole('main').getByLabel('Language', { exact: true }).selectOption({ label: 'Français' });
    await page.getByRole('button', { name: 'Save my preferences' }).click();
    await page.getByRole('status').getByText('Vos préférences sont enregistrées.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    const rappels = page.getByRole('group', { name: 'Rappels des contributions attendues' });
    const finalise = page.getByRole('group', { name: 'Un rapport est finalisé' });
    expect(await rappels.getByLabel('Récapitulatif quotidien').isChecked()).toBe(true);
    expect(await finalise.getByLabel('Désactivé').isChecked()).toBe(true);
    expect(await page.getByRole('main').getByLabel('Langue', { exact: true }).inputValue()).toBe('fr');
    await expectNoSeriousViolations(page);

    // Signing in again at another browser (in English), the product opens in the saved language;
    // the header's switch still changes it for the rest of the session.
    const elsewhere = await signInThroughPage(people(), 'Germany', 'Reader', 'Tableau de bord');
    expect(await elsewhere.locator('html').getAttribute('lang')).toBe('fr');
    await elsewhere.getByRole('button', { name: 'English' }).click();
    await elsewhere.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await elsewhere.reload();
    await elsewhere.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();

    const token = await app.login('DE', 'reader');
    const me = await app.call('GET', '/api/me', { token });
    expect(me.json.language).toBe('fr');
    expect(me.json.preferences.notifications).toMatchObject({
      contribution_reminder: 'daily',
      report_finalised: 'off',
    });
    expect(pageErrors).toEqual([]);
  });
});

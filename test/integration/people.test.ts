import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo } from '#functions/lib/aws.ts';
import { createDevTokenService } from '../../local/dev-auth.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

/** The people directory through the API and the real DynamoDB Local. */
let app: TestApp;
let ecAdmin: string;
const keyDir = mkdtempSync(join(tmpdir(), 'ilo-people-'));
const keyFile = join(keyDir, 'dev-key.jwk');

beforeAll(async () => {
  app = await startTestApp({ keyFile });
  ecAdmin = await app.login('EC', 'admin');
});
afterAll(async () => {
  await app?.stop();
  rmSync(keyDir, { recursive: true, force: true });
});

let counter = 0;
const uniqueEmail = (who: string) => `${who}.${Date.now()}.${++counter}@example.eu`;

async function signInAs(email: string): Promise<string> {
  const answer = await app.call('POST', '/api/dev/login', { body: { email } });
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  return answer.json.token;
}

async function invite(token: string, body: Record<string, unknown>) {
  return app.call('POST', '/api/people', { token, body: { language: 'en', ...body } });
}

async function auditOf(id: string) {
  const trail = await app.call('GET', `/api/audit?entity=person:${id}`, { token: ecAdmin });
  expect(trail.status).toBe(200);
  return (trail.json.items as { action: string; actor: { subject: string } }[]).map((e) => e.action);
}

describe('the people directory: who manages whom', () => {
  it('reads the caller once for GET /api/me: the request chain checks the person, the handler reuses it', async () => {
    const token = await app.login('DE', 'reader');
    const commands: string[] = [];
    const name = 'countPeopleDirectoryReads';
    dynamo().middlewareStack.add(
      (next, context) => async (args) => {
        commands.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name },
    );
    try {
      const me = await app.call('GET', '/api/me', { token });
      expect(me.status, JSON.stringify(me.json)).toBe(200);
    } finally {
      dynamo().middlewareStack.remove(name);
    }
    expect(commands).toEqual(['GetItemCommand']);
  });

  it('the EC admin creates a DE coordinator, who invites a DE editor, cannot invite for FR or an EC admin, and disables the editor, whose next request is 401', async () => {
    const coordinatorEmail = uniqueEmail('de.coordinator');
    const created = await invite(ecAdmin, {
      organisation: 'DE',
      role: 'coordinator',
      name: 'Dora Koordinatorin',
      email: coordinatorEmail,
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json).toMatchObject({
      organisation: 'DE',
      role: 'coordinator',
      status: 'active',
      version: 1,
      email: coordinatorEmail,
    });
    expect(created.json.allowed).toEqual(expect.arrayContaining(['edit']));

    const coordinator = await signInAs(coordinatorEmail);
    const me = await app.call('GET', '/api/me', { token: coordinator });
    expect(me.json).toMatchObject({ id: created.json.id, organisation: 'DE', role: 'coordinator' });
    expect(me.json.capabilities).toContain('people.manage');
    // Its own state only: the page offers no choice of organisation (the EC admin's capability).
    expect(me.json.capabilities).not.toContain('people.manage_all');
    const admin = await app.call('GET', '/api/me', { token: ecAdmin });
    expect(admin.json.capabilities).toEqual(expect.arrayContaining(['people.manage', 'people.manage_all']));

    const editorEmail = uniqueEmail('de.editor');
    const editor = await invite(coordinator, { role: 'editor', name: 'Emil Editor', email: editorEmail });
    expect(editor.status, JSON.stringify(editor.json)).toBe(201);
    expect(editor.json).toMatchObject({ organisation: 'DE', role: 'editor' });
    expect(editor.json.allowed).toEqual(['edit', 'disable']);

    const forFrance = await invite(coordinator, {
      organisation: 'FR',
      role: 'editor',
      name: 'Fabienne',
      email: uniqueEmail('fr'),
    });
    expect(forFrance.status).toBe(403);
    const anAdmin = await invite(coordinator, {
      organisation: 'EC',
      role: 'admin',
      name: 'Admin',
      email: uniqueEmail('ec'),
    });
    expect(anAdmin.status).toBe(403);
    // An admin role for DE itself does not exist: a 400 naming the role.
    const impossible = await invite(coordinator, { role: 'admin', name: 'X', email: uniqueEmail('x') });
    expect(impossible.status).toBe(400);
    expect(impossible.json.error.fields).toHaveProperty('role');

    const editorToken = await signInAs(editorEmail);
    expect((await app.call('GET', '/api/me', { token: editorToken })).status).toBe(200);
    // An editor manages nobody.
    expect((await app.call('GET', '/api/people', { token: editorToken })).status).toBe(403);

    const disabled = await app.call('POST', `/api/people/${editor.json.id}/disable`, {
      token: coordinator,
      body: { version: editor.json.version },
    });
    expect(disabled.status, JSON.stringify(disabled.json)).toBe(200);
    expect(disabled.json).toMatchObject({ status: 'disabled', version: 2, allowed: ['edit', 'enable'] });

    const refused = await app.call('GET', '/api/me', { token: editorToken });
    expect(refused.status).toBe(401);
    expect(refused.json.error.code).toBe('account_disabled');
    const signIn = await app.call('POST', '/api/dev/login', { body: { email: editorEmail } });
    expect(signIn.json.error.code).toBe('account_disabled');

    const list = await app.call('GET', '/api/people', { token: coordinator });
    expect(list.status).toBe(200);
    expect(list.json.items.map((p: { email: string }) => p.email)).toEqual(
      expect.arrayContaining([coordinatorEmail, editorEmail]),
    );
    expect(list.json.items.every((p: { organisation: string }) => p.organisation === 'DE')).toBe(true);
    expect((await app.call('GET', '/api/people?organisation=FR', { token: coordinator })).status).toBe(403);
    expect((await app.call('GET', '/api/people?organisation=FR', { token: ecAdmin })).status).toBe(200);

    expect(await auditOf(created.json.id)).toEqual(['created']);
    expect(await auditOf(editor.json.id)).toEqual(['created', 'disabled']);

    const enabled = await app.call('POST', `/api/people/${editor.json.id}/enable`, {
      token: coordinator,
      body: { version: 2 },
    });
    expect(enabled.json).toMatchObject({ status: 'active', version: 3 });
    expect((await app.call('GET', '/api/me', { token: editorToken })).status).toBe(200);
  });

  it('refuses a token whose role the directory has changed, until the person signs in again', async () => {
    const email = uniqueEmail('fr.reader');
    const person = await invite(ecAdmin, { organisation: 'FR', role: 'reader', name: 'Régis', email });
    const token = await signInAs(email);
    const changed = await app.call('PUT', `/api/people/${person.json.id}`, {
      token: ecAdmin,
      body: { version: 1, role: 'editor', name: 'Régis Lecteur', language: 'fr' },
    });
    expect(changed.status, JSON.stringify(changed.json)).toBe(200);
    expect(changed.json).toMatchObject({ role: 'editor', name: 'Régis Lecteur', language: 'fr', version: 2 });
    const old = await app.call('GET', '/api/me', { token });
    expect(old.status).toBe(401);
    expect(old.json.error.code).toBe('membership_changed');
    const again = await app.call('GET', '/api/me', { token: await signInAs(email) });
    expect(again.json).toMatchObject({ role: 'editor', language: 'fr', name: 'Régis Lecteur' });
  });

  it('refuses a token whose subject is not in the directory', async () => {
    // Signed with the app's own key (another key is refused at the door): only the subject is unknown.
    const tokens = await createDevTokenService({ keyFile });
    const { token } = await tokens.issue({ organisation: 'DE', role: 'editor', subject: 'local-nobody' });
    const answer = await app.call('GET', '/api/me', { token });
    expect(answer.status).toBe(401);
    expect(answer.json.error.code).toBe('unknown_person');
  });
});

describe('the people directory: rules that hold under races', () => {
  it('never lets a state lose its last active coordinator, by disabling or by a change of role', async () => {
    // NO has no coordinator yet: the first one is the EC admin's to create.
    const first = await invite(ecAdmin, {
      organisation: 'NO',
      role: 'coordinator',
      name: 'Nora',
      email: uniqueEmail('no.1'),
    });
    expect(first.json.allowed).toEqual(['edit']);
    const disable = await app.call('POST', `/api/people/${first.json.id}/disable`, {
      token: ecAdmin,
      body: { version: 1 },
    });
    expect(disable.status).toBe(409);
    expect(disable.json.error.code).toBe('last_coordinator');
    const demote = await app.call('PUT', `/api/people/${first.json.id}`, {
      token: ecAdmin,
      body: { version: 1, role: 'editor', name: 'Nora', language: 'en' },
    });
    expect(demote.status).toBe(409);
    expect(demote.json.error.code).toBe('last_coordinator');

    // With two, both disabled at once: exactly one goes.
    const second = await invite(ecAdmin, {
      organisation: 'NO',
      role: 'coordinator',
      name: 'Nils',
      email: uniqueEmail('no.2'),
    });
    const answers = await Promise.all(
      [first.json.id, second.json.id].map((id) =>
        app.call('POST', `/api/people/${id}/disable`, { token: ecAdmin, body: { version: 1 } }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)?.json.error.code).toBe('last_coordinator');
    const list = await app.call('GET', '/api/people?organisation=NO', { token: ecAdmin });
    const active = list.json.items.filter((p: { status: string }) => p.status === 'active');
    expect(active).toHaveLength(1);
    expect(active[0].allowed).toEqual(['edit']);
  });

  it('lets nobody disable themselves', async () => {
    const email = uniqueEmail('at.coordinator');
    const a = await invite(ecAdmin, { organisation: 'AT', role: 'coordinator', name: 'Anna', email });
    await invite(ecAdmin, {
      organisation: 'AT',
      role: 'coordinator',
      name: 'Alois',
      email: uniqueEmail('at'),
    });
    const token = await signInAs(email);
    const mine = (await app.call('GET', '/api/people', { token })).json.items.find(
      (p: { id: string }) => p.id === a.json.id,
    );
    expect(mine.allowed).not.toContain('disable');
    const answer = await app.call('POST', `/api/people/${a.json.id}/disable`, {
      token,
      body: { version: 1 },
    });
    expect(answer.status).toBe(403);
    expect((await app.call('GET', '/api/me', { token })).status).toBe(200);
  });

  it('answers 409 email_in_use for an address already taken, in any case', async () => {
    const email = uniqueEmail('taken');
    expect((await invite(ecAdmin, { organisation: 'BE', role: 'reader', name: 'B', email })).status).toBe(
      201,
    );
    const again = await invite(ecAdmin, {
      organisation: 'BE',
      role: 'editor',
      name: 'B2',
      email: email.toUpperCase(),
    });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('email_in_use');
  });

  it('lets exactly one of concurrent creates with one e-mail win', async () => {
    const email = uniqueEmail('race');
    const answers = await Promise.all(
      ['IT', 'ES', 'PL', 'PT'].map((organisation) =>
        invite(ecAdmin, { organisation, role: 'reader', name: `Reader ${organisation}`, email }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.json.error.code === 'email_in_use')).toBe(
      true,
    );
    const me = await app.call('GET', '/api/me', { token: await signInAs(email) });
    expect(me.json.organisation).toBe(answers.find((a) => a.status === 201)?.json.organisation);
  });

  it('answers 409 stale_version to a change made with an outdated version, and changes nothing', async () => {
    const person = await invite(ecAdmin, {
      organisation: 'LU',
      role: 'reader',
      name: 'Luc',
      email: uniqueEmail('lu'),
    });
    const first = await app.call('PUT', `/api/people/${person.json.id}`, {
      token: ecAdmin,
      body: { version: 1, role: 'reader', name: 'Luc Un', language: 'fr' },
    });
    expect(first.status).toBe(200);
    const stale = await app.call('PUT', `/api/people/${person.json.id}`, {
      token: ecAdmin,
      body: { version: 1, role: 'reader', name: 'Luc Deux', language: 'en' },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('stale_version');
    const list = await app.call('GET', '/api/people?organisation=LU', { token: ecAdmin });
    expect(list.json.items.find((p: { id: string }) => p.id === person.json.id)).toMatchObject({
      name: 'Luc Un',
      version: 2,
    });
    expect(await auditOf(person.json.id)).toEqual(['created', 'updated']);
  });

  it('moves the e-mail item with a change of address: the old address is free again', async () => {
    const old = uniqueEmail('old');
    const renamed = uniqueEmail('new');
    const person = await invite(ecAdmin, { organisation: 'CZ', role: 'reader', name: 'C', email: old });
    const changed = await app.call('PUT', `/api/people/${person.json.id}`, {
      token: ecAdmin,
      body: { version: 1, role: 'reader', name: 'C', language: 'en', email: renamed },
    });
    expect(changed.json.email).toBe(renamed);
    expect((await app.call('GET', '/api/me', { token: await signInAs(renamed) })).json.id).toBe(
      person.json.id,
    );
    expect((await app.call('POST', '/api/dev/login', { body: { email: old } })).status).toBe(401);
    expect(
      (await invite(ecAdmin, { organisation: 'CZ', role: 'reader', name: 'D', email: old })).status,
    ).toBe(201);
  });
});

describe('my account', () => {
  it('keeps the caller’s language and notification preferences, versioned and audited', async () => {
    const token = await app.login('SK', 'reader');
    const me = await app.call('GET', '/api/me', { token });
    expect(me.json).toMatchObject({ language: 'en', preferences: { notifications: {} } });
    const saved = await app.call('PUT', '/api/me/preferences', {
      token,
      body: { version: me.json.version, language: 'fr', notifications: { report_finalised: 'daily' } },
    });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    expect(saved.json).toMatchObject({
      language: 'fr',
      preferences: { notifications: { report_finalised: 'daily' } },
      version: me.json.version + 1,
    });
    const stale = await app.call('PUT', '/api/me/preferences', {
      token,
      body: { version: me.json.version, language: 'en', notifications: {} },
    });
    expect(stale.json.error.code).toBe('stale_version');
    expect(await auditOf(me.json.id)).toEqual(['created', 'preferences_updated']);
  });
});

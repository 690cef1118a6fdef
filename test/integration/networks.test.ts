import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brusselsDate, semesterIdAt } from '../../shared/semesters.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let app: TestApp;
const tokens: Record<string, string> = {};
const people = [
  'DE:editor',
  'DE:coordinator',
  'FR:editor',
  'FR:coordinator',
  'IE:coordinator',
  'NL:editor',
  'NL:coordinator',
  'AT:editor',
  'SE:editor',
  'PL:coordinator',
  'EC:admin',
  'COUNCIL:reader',
];
const today = brusselsDate(new Date());
const current = semesterIdAt(new Date());
const year = Number(today.slice(0, 4));
const LAST_YEAR = `${year - 1}-03-01`;
const NEXT_YEAR = `${year + 1}-03-01`;

async function secondment(
  as: string,
  hostCountry: string,
  startDate = LAST_YEAR,
  extra: Record<string, unknown> = {},
) {
  const created = await app.call('POST', '/api/secondments', {
    token: tokens[as],
    body: {
      hostCountry,
      post: { city: 'Capital', mission: 'embassy' },
      authority: 'Border police',
      officer: { name: 'Officer Name' },
      startDate,
      tasks: ['flows'],
      ...extra,
    },
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const notified = await app.call('POST', `/api/secondments/${created.json.id}/notify`, {
    token: tokens[as],
    body: { version: created.json.version },
  });
  expect(notified.status).toBe(200);
  return notified.json;
}

const network = async (id: string, as = 'COUNCIL:reader', semester?: string) =>
  app.call('GET', `/api/networks/${id}${semester ? `?semester=${semester}` : ''}`, { token: tokens[as] });

const meeting = (overrides: Record<string, unknown> = {}) => ({
  date: today,
  convenedBy: 'DE',
  participants: ['DE', 'FR'],
  commissionPresent: true,
  ebcgPresent: true,
  topics: ['Routes through the Sahel'],
  summary: 'Exchange on new routes.',
  ...overrides,
});

beforeAll(async () => {
  app = await startTestApp();
  Object.assign(tokens, await app.loginAll(people));
});
afterAll(async () => {
  await app?.stop();
});

describe('membership, derived from secondments', () => {
  it('follows secondments as they start, end, move host country or are withdrawn', async () => {
    const de = await secondment('DE:editor', 'KE');
    const fr = await secondment('FR:editor', 'KE', NEXT_YEAR);
    let kenya = await network('KE');
    expect(kenya.status).toBe(200);
    expect(kenya.json.members).toEqual([{ state: 'DE', ilos: 1 }]); // FR's has not started
    expect(kenya.json.semester.members).toEqual([{ state: 'DE', ilos: 1 }]);
    const nextYear = await network('KE', 'COUNCIL:reader', `${year + 1}-H1`);
    expect(nextYear.json.semester.members.map((m: { state: string }) => m.state)).toEqual(['DE', 'FR']);

    // DE's moves to Uganda: it leaves the Kenyan network and joins the Ugandan one.
    const moved = await app.call('PUT', `/api/secondments/${de.id}`, {
      token: tokens['DE:editor'],
      body: {
        hostCountry: 'UG',
        post: { city: 'Kampala', mission: 'embassy' },
        authority: 'Border police',
        officer: { name: 'Officer Name' },
        startDate: LAST_YEAR,
        tasks: ['flows'],
        version: de.version,
      },
    });
    expect(moved.status).toBe(200);
    kenya = await network('KE', 'COUNCIL:reader', `${year + 1}-H1`);
    expect(kenya.json.semester.members.map((m: { state: string }) => m.state)).toEqual(['FR']);
    expect((await network('UG')).json.members).toEqual([{ state: 'DE', ilos: 1 }]);

    // FR's planned secondment is withdrawn: gone from every semester.
    const withdrawn = await app.call('POST', `/api/secondments/${fr.id}/withdraw`, {
      token: tokens['FR:editor'],
      body: { version: fr.version },
    });
    expect(withdrawn.status).toBe(200);
    kenya = await network('KE', 'COUNCIL:reader', `${year + 1}-H1`);
    expect(kenya.json.semester.members).toEqual([]);

    // DE's ends today: still a member of this semester, not of the next.
    const ended = await app.call('POST', `/api/secondments/${de.id}/end`, {
      token: tokens['DE:editor'],
      body: { version: moved.json.version, endDate: today },
    });
    expect(ended.status).toBe(200);
    expect((await network('UG')).json.semester.members).toEqual([{ state: 'DE', ilos: 1 }]);
    expect((await network('UG', 'COUNCIL:reader', `${year + 1}-H1`)).json.semester.members).toEqual([]);

    const index = await app.call('GET', '/api/networks', { token: tokens['FR:editor'] });
    const ids = index.json.items.map((n: { id: string }) => n.id);
    expect(ids).toContain('UG');
    expect(ids).not.toContain('KE');
  });

  it('answers 404 for a participating state or an unknown region, 400 for a malformed id', async () => {
    expect((await network('FR')).status).toBe(404);
    expect((await network('R-nowhere')).status).toBe(404);
    expect((await network('turkey')).status).toBe(400);
  });
});

describe('drafting state', () => {
  it('is the Presidency when it is a member, then acting, fallback, tie and reassignment', async () => {
    const presidency = (
      await app.call('GET', '/api/reference', { token: tokens['FR:editor'] })
    ).json.semesters.find((s: { id: string }) => s.id === current).presidency as string;
    // A network without the Presidency: two NL ILOs and one SE ILO.
    await secondment('NL:editor', 'GH');
    await secondment('NL:editor', 'GH');
    await secondment('SE:editor', 'GH');
    let ghana = await network('GH');
    expect(ghana.json.semester.draftingState).toEqual({ state: 'NL', reason: 'fallback' });
    expect(ghana.json.semester.presidency).toBe(presidency);

    // Tie: AT joins with two ILOs; AT comes before NL alphabetically.
    await secondment('AT:editor', 'GH');
    await secondment('AT:editor', 'GH');
    ghana = await network('GH');
    expect(ghana.json.semester.draftingState).toEqual({ state: 'AT', reason: 'fallback' });

    // The network designates SE to act for the Presidency.
    const designated = await app.call('PUT', `/api/networks/GH/semesters/${current}/acting-state`, {
      token: tokens['NL:coordinator'],
      body: { state: 'SE', version: 0 },
    });
    expect(designated.status, JSON.stringify(designated.json)).toBe(200);
    expect(designated.json.semester.draftingState).toEqual({ state: 'SE', reason: 'acting' });
    const stale = await app.call('PUT', `/api/networks/GH/semesters/${current}/acting-state`, {
      token: tokens['NL:coordinator'],
      body: { state: 'NL', version: 0 },
    });
    expect(stale.status).toBe(409);
    const notMember = await app.call('PUT', `/api/networks/GH/semesters/${current}/acting-state`, {
      token: tokens['NL:coordinator'],
      body: { state: 'PL', version: 1 },
    });
    expect(notMember.status).toBe(400);
    expect(notMember.json.error.fields).toHaveProperty('state');
    const outsider = await app.call('PUT', `/api/networks/GH/semesters/${current}/acting-state`, {
      token: tokens['PL:coordinator'],
      body: { state: 'NL', version: 1 },
    });
    expect(outsider.status).toBe(403);

    // The Presidency's state posts an ILO there: it drafts.
    tokens[`${presidency}:editor`] ??= await app.login(presidency, 'editor');
    await secondment(`${presidency}:editor`, 'GH');
    ghana = await network('GH');
    expect(ghana.json.semester.draftingState).toEqual({ state: presidency, reason: 'presidency' });

    // The Commission reassigns; a state may not.
    const refused = await app.call('PUT', `/api/networks/GH/semesters/${current}/drafting-state`, {
      token: tokens['NL:coordinator'],
      body: { state: 'NL', version: 1 },
    });
    expect(refused.status).toBe(403);
    const reassigned = await app.call('PUT', `/api/networks/GH/semesters/${current}/drafting-state`, {
      token: tokens['EC:admin'],
      body: { state: 'NL', version: 1 },
    });
    expect(reassigned.status).toBe(200);
    expect(reassigned.json.semester.draftingState).toEqual({ state: 'NL', reason: 'reassigned' });

    const trail = await app.call('GET', `/api/audit?entity=drafting:GH.${current}`, {
      token: tokens['EC:admin'],
    });
    expect(trail.json.items.map((e: { action: string }) => e.action)).toEqual([
      'acting_state_designated',
      'drafting_state_reassigned',
    ]);
  });
});

describe('activities', () => {
  it('are recorded by member states only, edited by the recording state, versioned and audited', async () => {
    await secondment('DE:editor', 'CM');
    await secondment('FR:editor', 'CM');

    const kept = await app.call('POST', '/api/networks/CM/meetings', {
      token: tokens['DE:editor'],
      body: meeting({ commissionPresent: false }),
    });
    expect(kept.status).toBe(400);
    expect(kept.json.error.fields).toHaveProperty('absenceReason');

    const recorded = await app.call('POST', '/api/networks/CM/meetings', {
      token: tokens['DE:editor'],
      body: meeting({ commissionPresent: false, absenceReason: 'Operational security of a joint action' }),
    });
    expect(recorded.status, JSON.stringify(recorded.json)).toBe(201);
    expect(recorded.json).toMatchObject({ kind: 'meeting', recordedBy: 'DE', semester: current, version: 1 });

    for (const as of ['NL:editor', 'EC:admin', 'COUNCIL:reader']) {
      const refused = await app.call('POST', '/api/networks/CM/meetings', {
        token: tokens[as],
        body: meeting(),
      });
      expect(refused.status, as).toBe(403);
    }

    const training = await app.call('POST', '/api/networks/CM/trainings', {
      token: tokens['FR:editor'],
      body: {
        date: today,
        kind: 'consular_staff_training',
        organisers: ['FR'],
        participantCount: 12,
        topics: ['Forged visas'],
      },
    });
    expect(training.status).toBe(201);
    const carriers = await app.call('POST', '/api/networks/CM/carrier-positions', {
      token: tokens['FR:editor'],
      body: {
        date: today,
        carriers: ['Air Example'],
        states: ['FR', 'DE'],
        position: 'Common advice on boarding checks.',
      },
    });
    expect(carriers.status).toBe(201);
    const contact = await app.call('POST', '/api/networks/CM/contacts', {
      token: tokens['DE:editor'],
      body: {
        date: today,
        counterpartType: 'international_organisation',
        counterpart: 'IOM',
        summary: 'Return programmes.',
      },
    });
    expect(contact.status).toBe(201);

    const page = await network('CM', 'FR:editor');
    expect(page.json.activities.map((a: { kind: string }) => a.kind).sort()).toEqual([
      'carrier_position',
      'contact',
      'meeting',
      'training',
    ]);
    expect(page.json.allowed).toContain('record_activity');
    const deMeeting = page.json.activities.find((a: { kind: string }) => a.kind === 'meeting');
    expect(deMeeting.allowed).toEqual([]); // FR did not record it

    const path = `/api/networks/CM/semesters/${current}/activities/${recorded.json.id}`;
    const byFrance = await app.call('PUT', path, {
      token: tokens['FR:editor'],
      body: { version: 1, fields: meeting({ summary: 'Changed by France' }) },
    });
    expect(byFrance.status).toBe(403);
    const edited = await app.call('PUT', path, {
      token: tokens['DE:coordinator'],
      body: { version: 1, fields: meeting({ summary: 'Corrected summary' }) },
    });
    expect(edited.status, JSON.stringify(edited.json)).toBe(200);
    expect(edited.json).toMatchObject({ version: 2, fields: { summary: 'Corrected summary' } });
    const stale = await app.call('PUT', path, {
      token: tokens['DE:editor'],
      body: { version: 1, fields: meeting({ summary: 'Lost update' }) },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('stale_version');
    const invalid = await app.call('PUT', path, {
      token: tokens['DE:editor'],
      body: { version: 2, fields: meeting({ participants: [] }) },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.fields).toHaveProperty('fields.participants');

    const trail = await app.call('GET', `/api/audit?entity=activity:${recorded.json.id}`, {
      token: tokens['DE:editor'],
    });
    expect(trail.json.items.map((e: { action: string }) => e.action)).toEqual([
      'meeting_recorded',
      'meeting_updated',
    ]);
    expect(trail.json.items[1].before.fields.summary).toBe('Exchange on new routes.');
  });
});

describe('arrangements (Art. 5)', () => {
  it('take effect when every party has accepted, show on the network page, and can be withdrawn', async () => {
    await secondment('DE:editor', 'ZM');
    const proposal = {
      kind: 'representation',
      parties: ['DE', 'FR', 'NL'],
      hostCountries: ['ZM'],
      scope: 'The German ILO in Lusaka also looks after French and Dutch interests.',
      validFrom: today,
    };
    expect(
      (await app.call('POST', '/api/arrangements', { token: tokens['DE:editor'], body: proposal })).status,
    ).toBe(403);
    const notParty = await app.call('POST', '/api/arrangements', {
      token: tokens['PL:coordinator'],
      body: proposal,
    });
    expect(notParty.status).toBe(400);
    expect(notParty.json.error.fields).toHaveProperty('parties');

    const proposed = await app.call('POST', '/api/arrangements', {
      token: tokens['DE:coordinator'],
      body: proposal,
    });
    expect(proposed.status).toBe(201);
    expect(proposed.json).toMatchObject({ status: 'proposed', acceptedBy: ['DE'], allowed: ['withdraw'] });
    const id = proposed.json.id;

    const byFrance = await app.call('POST', `/api/arrangements/${id}/accept`, {
      token: tokens['FR:coordinator'],
      body: { version: 1 },
    });
    expect(byFrance.json).toMatchObject({ status: 'proposed', acceptedBy: ['DE', 'FR'] });
    const twice = await app.call('POST', `/api/arrangements/${id}/accept`, {
      token: tokens['FR:coordinator'],
      body: { version: 2 },
    });
    expect(twice.status).toBe(409);
    const byNetherlands = await app.call('POST', `/api/arrangements/${id}/accept`, {
      token: tokens['NL:coordinator'],
      body: { version: 2 },
    });
    expect(byNetherlands.json).toMatchObject({ status: 'in_effect', version: 3 });

    const page = await network('ZM');
    expect(page.json.arrangements.map((a: { id: string }) => a.id)).toEqual([id]);
    const listed = await app.call('GET', '/api/arrangements?hostCountry=ZM', {
      token: tokens['COUNCIL:reader'],
    });
    expect(listed.json.items).toHaveLength(1);

    const withdrawn = await app.call('POST', `/api/arrangements/${id}/withdraw`, {
      token: tokens['NL:coordinator'],
      body: { version: 3 },
    });
    expect(withdrawn.json.status).toBe('withdrawn');
    expect((await network('ZM')).json.arrangements).toEqual([]);
  });
});

describe('regional networks', () => {
  it('are kept by EC admins, and their members span their host countries', async () => {
    await secondment('SE:editor', 'ER');
    await secondment('PL:coordinator', 'DJ');
    const body = { name: 'Horn of Africa', hostCountries: ['ER', 'DJ'], version: 0 };
    expect(
      (await app.call('PUT', '/api/regional-networks/R-horn', { token: tokens['DE:coordinator'], body }))
        .status,
    ).toBe(403);
    const saved = await app.call('PUT', '/api/regional-networks/R-horn', { token: tokens['EC:admin'], body });
    expect(saved.status).toBe(200);
    expect(saved.json.version).toBe(1);
    const horn = await network('R-horn');
    expect(horn.json).toMatchObject({
      kind: 'regional',
      name: 'Horn of Africa',
      hostCountries: ['ER', 'DJ'],
    });
    expect(horn.json.members).toEqual([
      { state: 'PL', ilos: 1 },
      { state: 'SE', ilos: 1 },
    ]);
    const index = await app.call('GET', '/api/networks', { token: tokens['FR:editor'] });
    expect(index.json.items.find((n: { id: string }) => n.id === 'R-horn')?.members).toHaveLength(2);
  });
});

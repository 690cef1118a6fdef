import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brusselsDate, semesterIdAt } from '../../shared/semesters.ts';
import { requiredContributionValues } from '../fixtures/contribution-values.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let app: TestApp;
const tokens: Record<string, string> = {};
const people = [
  'DE:editor',
  'DE:coordinator',
  'FR:editor',
  'FR:coordinator',
  'NL:editor',
  'EC:admin',
  'COUNCIL:reader',
];
const current = semesterIdAt(new Date());
const LAST_YEAR = `${Number(brusselsDate(new Date()).slice(0, 4)) - 1}-03-01`;
const path = (state: string, net = 'BF') =>
  `/api/semesters/${current}/networks/${net}/contributions/${state}`;

const requiredValues = requiredContributionValues;

async function post(as: string, hostCountry: string) {
  const created = await app.call('POST', '/api/secondments', {
    token: tokens[as],
    body: {
      hostCountry,
      post: { city: 'Ouagadougou', mission: 'embassy' },
      authority: 'Police',
      officer: { name: 'Officer' },
      startDate: LAST_YEAR,
      tasks: ['flows'],
    },
  });
  await app.call('POST', `/api/secondments/${created.json.id}/notify`, {
    token: tokens[as],
    body: { version: 1 },
  });
}

beforeAll(async () => {
  app = await startTestApp();
  Object.assign(tokens, await app.loginAll(people));
  // Burkina Faso network: DE with two ILOs (the fallback drafting state unless the Presidency is a member), FR with one.
  await post('DE:editor', 'BF');
  await post('DE:editor', 'BF');
  await post('FR:editor', 'BF');
  // Mali network: DE alone, for the entries not valid yet.
  await post('DE:editor', 'ML');
});
afterAll(async () => {
  await app?.stop();
});

describe('expected contributions', () => {
  it('come from network membership', async () => {
    const detail = await app.call('GET', `/api/semesters/${current}`, { token: tokens['COUNCIL:reader'] });
    expect(detail.status).toBe(200);
    expect(detail.json.networks.find((n: { networkId: string }) => n.networkId === 'BF')).toEqual({
      networkId: 'BF',
      expected: ['DE', 'FR'],
      submitted: [],
      drafts: [],
      late: [],
    });
    expect((await app.call('GET', path('NL'), { token: tokens['NL:editor'] })).status).toBe(404);
    const outstanding = await app.call('GET', '/api/contributions/outstanding', {
      token: tokens['DE:editor'],
    });
    expect(outstanding.json.items).toContainEqual(
      expect.objectContaining({ networkId: 'BF', status: 'empty' }),
    );
  });
});

describe('the contribution lifecycle', () => {
  it('saves versioned drafts, refuses stale ones and other states, validates against the template', async () => {
    const empty = await app.call('GET', path('DE'), { token: tokens['DE:editor'] });
    expect(empty.json).toMatchObject({
      status: 'empty',
      version: 0,
      templateVersion: 1,
      values: {},
      allowed: ['edit'],
    });
    expect(Object.keys(empty.json.records).sort()).toEqual([
      'arrangements',
      'carrier_positions',
      'contacts',
      'meetings',
      'trainings',
    ]);

    const saved = await app.call('PUT', path('DE'), {
      token: tokens['DE:editor'],
      body: { templateVersion: 1, version: 0, values: { 'A2.text': 'First words' } },
    });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    expect(saved.json).toMatchObject({ status: 'draft', version: 1 });

    const stale = await app.call('PUT', path('DE'), {
      token: tokens['DE:coordinator'],
      body: { templateVersion: 1, version: 0, values: { 'A2.text': 'Other words' } },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('stale_version');

    const invalid = await app.call('PUT', path('DE'), {
      token: tokens['DE:editor'],
      body: { templateVersion: 1, version: 1, values: { 'C.meetings': -2, 'Z.made_up': 'x' } },
    });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.json.error.fields)).toEqual(
      expect.arrayContaining(['values.C.meetings', 'values']),
    );

    expect(
      (
        await app.call('PUT', path('DE'), {
          token: tokens['FR:editor'],
          body: { templateVersion: 1, version: 1, values: {} },
        })
      ).status,
    ).toBe(403);
    expect((await app.call('GET', path('DE'), { token: tokens['FR:editor'] })).status).toBe(403);
    expect((await app.call('GET', path('DE'), { token: tokens['EC:admin'] })).status).toBe(200);
    expect((await app.call('GET', path('DE'), { token: tokens['COUNCIL:reader'] })).status).toBe(403);
  });

  it('is submitted by a coordinator once the required fields are filled, then read-only', async () => {
    const current = (await app.call('GET', path('DE'), { token: tokens['DE:coordinator'] })).json;
    expect(current.allowed).toEqual(['edit', 'submit']);
    expect(
      (
        await app.call('POST', `${path('DE')}/submit`, {
          token: tokens['DE:editor'],
          body: { version: current.version },
        })
      ).status,
    ).toBe(403);

    const incomplete = await app.call('POST', `${path('DE')}/submit`, {
      token: tokens['DE:coordinator'],
      body: { version: current.version },
    });
    expect(incomplete.status).toBe(400);
    expect(Object.keys(incomplete.json.error.fields)).toEqual(
      expect.arrayContaining(['values.B1.text', 'values.C.meetings']),
    );
    expect(incomplete.json.error.fields).not.toHaveProperty('values.A2.text');

    const filled = await app.call('PUT', path('DE'), {
      token: tokens['DE:editor'],
      body: { templateVersion: 1, version: current.version, values: requiredValues },
    });
    const submitted = await app.call('POST', `${path('DE')}/submit`, {
      token: tokens['DE:coordinator'],
      body: { version: filled.json.version },
    });
    expect(submitted.status, JSON.stringify(submitted.json)).toBe(200);
    // No edit, no submit; the coordinator of the drafting state (DE here, the member with most ILOs) may reopen.
    expect(submitted.json).toMatchObject({
      status: 'submitted',
      late: false,
      lock: 'already_submitted',
      allowed: ['reopen'],
    });
    const asEditor = await app.call('GET', path('DE'), { token: tokens['DE:editor'] });
    expect(asEditor.json.allowed).toEqual([]);

    const locked = await app.call('PUT', path('DE'), {
      token: tokens['DE:editor'],
      body: { templateVersion: 1, version: submitted.json.version, values: requiredValues },
    });
    expect(locked.status).toBe(409);
    expect(locked.json.error.code).toBe('already_submitted');

    const detail = await app.call('GET', `/api/semesters/${current.semester}`, { token: tokens['EC:admin'] });
    expect(detail.json.networks.find((n: { networkId: string }) => n.networkId === 'BF').submitted).toEqual([
      'DE',
    ]);
    const outstanding = await app.call('GET', '/api/contributions/outstanding', {
      token: tokens['DE:editor'],
    });
    expect(outstanding.json.items.map((i: { networkId: string }) => i.networkId)).not.toContain('BF');
  });

  it('can be reopened by the Commission, and resubmitted', async () => {
    const submitted = (await app.call('GET', path('DE'), { token: tokens['EC:admin'] })).json;
    expect(submitted.allowed).toEqual(['reopen']);
    expect(
      (
        await app.call('POST', `${path('DE')}/reopen`, {
          token: tokens['FR:coordinator'],
          body: { version: submitted.version },
        })
      ).status,
    ).toBe(403);
    const reopened = await app.call('POST', `${path('DE')}/reopen`, {
      token: tokens['EC:admin'],
      body: { version: submitted.version },
    });
    expect(reopened.json).toMatchObject({ status: 'reopened', allowed: [] });
    const edited = await app.call('PUT', path('DE'), {
      token: tokens['DE:editor'],
      body: {
        templateVersion: 1,
        version: reopened.json.version,
        values: { ...requiredValues, 'A9.text': 'Added after reopening' },
      },
    });
    expect(edited.status).toBe(200);
    const resubmitted = await app.call('POST', `${path('DE')}/submit`, {
      token: tokens['DE:coordinator'],
      body: { version: edited.json.version },
    });
    expect(resubmitted.json).toMatchObject({ status: 'submitted', late: false });
    const trail = await app.call('GET', `/api/audit?entity=contribution:${current}.BF.DE`, {
      token: tokens['DE:editor'],
    });
    expect(trail.json.items.map((e: { action: string }) => e.action)).toEqual([
      'saved',
      'saved',
      'submitted',
      'reopened',
      'saved',
      'submitted',
    ]);
  });
});

describe('entries not valid yet', () => {
  it('are kept with the draft as typed, never among the values, refuse the submission, and clear once corrected', async () => {
    const mali = path('DE', 'ML');
    const body = {
      templateVersion: 1,
      version: 0,
      values: { ...requiredValues, 'C.meetings': undefined, 'B1.flows': undefined },
      unsettled: {
        'C.meetings': 'fourteen',
        'B1.flows.0.nationality': 'SY',
        'B1.flows.0.estimatedVolume': 'about 300',
      },
    };
    const saved = await app.call('PUT', mali, { token: tokens['DE:editor'], body });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    expect(saved.json.unsettled).toEqual(body.unsettled);
    expect(saved.json.values).not.toHaveProperty('C.meetings');
    expect(saved.json.values).not.toHaveProperty('B1.flows');

    // Read back (another device): the same entries, as typed, apart from the values.
    const read = await app.call('GET', mali, { token: tokens['DE:coordinator'] });
    expect(read.json.unsettled).toEqual(body.unsettled);
    expect(JSON.stringify(read.json.values)).not.toContain('fourteen');
    expect(JSON.stringify(read.json.values)).not.toContain('about 300');

    // Not the template's, too long, or both settled and unsettled: refused.
    for (const unsettled of [
      { 'Z.nothing': 'x' },
      { 'B1.flows.0.colour': 'x' },
      { 'B1.flows.999.nationality': 'x' },
      { 'C.meetings': 'x'.repeat(1001) },
      { 'A2.text': 'also typed' },
    ]) {
      const refused = await app.call('PUT', mali, {
        token: tokens['DE:editor'],
        body: { ...body, version: 1, unsettled },
      });
      expect(refused.status, JSON.stringify(unsettled)).toBe(400);
      expect(Object.keys(refused.json.error.fields)[0]).toMatch(/^unsettled\./);
    }

    // Submitting is refused while any is unsettled, each named.
    const refused = await app.call('POST', `${mali}/submit`, {
      token: tokens['DE:coordinator'],
      body: { version: 1 },
    });
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toMatch(/Correct the 3 entries not valid yet/);
    expect(Object.keys(refused.json.error.fields).sort()).toEqual([
      'unsettled.B1.flows.0.estimatedVolume',
      'unsettled.B1.flows.0.nationality',
      'unsettled.C.meetings',
    ]);
    expect((await app.call('GET', mali, { token: tokens['DE:editor'] })).json.status).toBe('draft');

    // Corrected: the entries become values, and nothing is left unsettled.
    const corrected = await app.call('PUT', mali, {
      token: tokens['DE:editor'],
      body: {
        templateVersion: 1,
        version: 1,
        values: {
          ...requiredValues,
          'C.meetings': 14,
          'B1.flows': [
            { nationality: 'SY', originOrTransit: 'origin', estimatedVolume: 300, trend: 'stable' },
          ],
        },
      },
    });
    expect(corrected.status, JSON.stringify(corrected.json)).toBe(200);
    expect(corrected.json).not.toHaveProperty('unsettled');
    expect((await app.call('GET', mali, { token: tokens['DE:editor'] })).json).not.toHaveProperty(
      'unsettled',
    );
    const submitted = await app.call('POST', `${mali}/submit`, {
      token: tokens['DE:coordinator'],
      body: { version: 2 },
    });
    expect(submitted.status, JSON.stringify(submitted.json)).toBe(200);
  });
});

describe('closing the semester', () => {
  it('is for EC admins, needs force before the end, happens once however often it is asked', async () => {
    const draft = await app.call('PUT', path('FR'), {
      token: tokens['FR:editor'],
      body: { templateVersion: 1, version: 0, values: { 'A2.text': 'Unfinished' } },
    });
    expect(draft.status).toBe(200);

    expect(
      (
        await app.call('POST', `/api/semesters/${current}/close`, {
          token: tokens['DE:coordinator'],
          body: { force: true },
        })
      ).status,
    ).toBe(403);
    const early = await app.call('POST', `/api/semesters/${current}/close`, {
      token: tokens['EC:admin'],
      body: {},
    });
    expect(early.status).toBe(409);
    expect(early.json.error.code).toBe('semester_not_ended');

    const closes = await Promise.all(
      [1, 2, 3].map(() =>
        app.call('POST', `/api/semesters/${current}/close`, {
          token: tokens['EC:admin'],
          body: { force: true },
        }),
      ),
    );
    expect(closes.map((c) => c.status)).toEqual([200, 200, 200]);
    expect(new Set(closes.map((c) => c.json.closedAt)).size).toBe(1);
    expect(closes[0]?.json.status).toBe('closed');
    const outstanding = await app.call('GET', '/api/contributions/outstanding', {
      token: tokens['FR:editor'],
    });
    expect(outstanding.json.items).toEqual([]);
    const bf = closes[0]?.json.networks.find((n: { networkId: string }) => n.networkId === 'BF');
    expect(bf).toMatchObject({ submitted: ['DE'], drafts: ['FR'], late: ['FR'] });
  });

  it('locks every contribution with the reason, keeps the drafts, and lets an exception through', async () => {
    const refused = await app.call('PUT', path('FR'), {
      token: tokens['FR:editor'],
      body: { templateVersion: 1, version: 1, values: { 'A2.text': 'Too late' } },
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('semester_closed');
    expect(refused.json.error.message).toMatch(/semester is closed/);
    const kept = await app.call('GET', path('FR'), { token: tokens['FR:editor'] });
    expect(kept.json).toMatchObject({
      status: 'draft',
      lock: 'semester_closed',
      values: { 'A2.text': 'Unfinished' },
      allowed: [],
    });

    // The drafting state reads the others' contributions once the semester is closed, and may reopen one.
    const network = await app.call('GET', `/api/networks/BF?semester=${current}`, {
      token: tokens['DE:coordinator'],
    });
    const drafting = network.json.semester.draftingState.state;
    if (drafting === 'DE') {
      expect((await app.call('GET', path('FR'), { token: tokens['DE:editor'] })).status).toBe(200);
      const exception = await app.call('POST', `${path('FR')}/reopen`, {
        token: tokens['DE:coordinator'],
        body: { version: 1 },
      });
      expect(exception.status, JSON.stringify(exception.json)).toBe(200);
    } else {
      const exception = await app.call('POST', `${path('FR')}/reopen`, {
        token: tokens['EC:admin'],
        body: { version: 1 },
      });
      expect(exception.status).toBe(200);
    }
    const completed = await app.call('PUT', path('FR'), {
      token: tokens['FR:editor'],
      body: { templateVersion: 1, version: 2, values: requiredValues },
    });
    expect(completed.status).toBe(200);
    const late = await app.call('POST', `${path('FR')}/submit`, {
      token: tokens['FR:coordinator'],
      body: { version: 3 },
    });
    expect(late.json).toMatchObject({ status: 'submitted', late: true });
    const detail = await app.call('GET', `/api/semesters/${current}`, { token: tokens['EC:admin'] });
    expect(detail.json.networks.find((n: { networkId: string }) => n.networkId === 'BF')).toMatchObject({
      submitted: ['DE', 'FR'],
      late: ['FR'],
    });
  });

  it('locks network activities of a closed semester too', async () => {
    const meeting = await app.call('POST', '/api/networks/BF/meetings', {
      token: tokens['DE:editor'],
      body: {
        date: brusselsDate(new Date()),
        convenedBy: 'DE',
        participants: ['DE', 'FR'],
        commissionPresent: true,
        ebcgPresent: true,
        summary: 'After the close',
      },
    });
    expect(meeting.status).toBe(409);
    expect(meeting.json.error.code).toBe('semester_closed');
    const page = await app.call('GET', `/api/networks/BF?semester=${current}`, {
      token: tokens['DE:editor'],
    });
    expect(page.json.semester).toMatchObject({ status: 'closed', provisional: false });
    expect(page.json.allowed).toEqual([]);
    // The Commission may still reassign the drafting state of a closed semester; states no longer designate.
    const version = page.json.semester.designationVersion;
    const acting = await app.call('PUT', `/api/networks/BF/semesters/${current}/acting-state`, {
      token: tokens['EC:admin'],
      body: { state: 'FR', version },
    });
    expect(acting.status).toBe(409);
    const reassigned = await app.call('PUT', `/api/networks/BF/semesters/${current}/drafting-state`, {
      token: tokens['EC:admin'],
      body: { state: 'FR', version },
    });
    expect(reassigned.status).toBe(200);
    expect(reassigned.json.semester.draftingState).toEqual({ state: 'FR', reason: 'reassigned' });
  });
});

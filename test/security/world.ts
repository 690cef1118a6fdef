import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handler as draftAnnualSummary } from '#functions/handlers/draft-annual-summary.ts';
import { brusselsDate, previousSemesterId, semester, semesterIdAt } from '#shared/semesters.ts';
import { type ApiAnswer, type CallOptions, startTestApp, type TestApp } from '../support/app.ts';

/**
 * One small world for the security suites, built through the API as people would build it:
 *
 * - Burkina Faso (BF): DE with two ILOs, FR and AT with one each, since last year. None of them ever
 *   holds the Presidency (2024–2030), so DE, the member with the most ILOs, drafts every report.
 * - Ghana (GH) and Mali (ML): DE (two ILOs each), and FR in Ghana.
 * - Sweden (SE) has no ILO anywhere: "another state".
 * - The previous semester is closed with its reports generated: BF's generated (DE and FR
 *   contributed, AT did not), GH's finalised by DE, ML's generated (for the finalisation row).
 * - The annual summary of the latest year whose second semester has ended is drafted.
 * - In the current semester, DE's contribution to BF is a complete draft.
 */
export const OWN = 'DE';
export const OUTSIDER = 'SE';
export const NETWORK = 'BF';
/** Fresh secondments made by the tests go here, away from the networks the reports were built from. */
export const SPARE_HOST = 'TD';

export const people = [
  'DE:editor',
  'DE:coordinator',
  'FR:editor',
  'FR:coordinator',
  'AT:editor',
  'AT:coordinator',
  'SE:coordinator',
  'EC:admin',
  'COUNCIL:reader',
  'EP:reader',
  'EBCG:reader',
] as const;
export type Person = (typeof people)[number];

/** Every field the report template requires before submission, and some text. */
export const completeValues = {
  'A2.text': 'Weekly exchanges between the liaison officers.',
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

/** The officer's contact on every secondment of this world: personal data, to look for in answers. */
export const OFFICER_EMAIL = 'officer.name@example.eu';

export function secondmentFields(
  hostCountry: string,
  startDate: string,
  extra: Record<string, unknown> = {},
) {
  return {
    hostCountry,
    post: { city: 'Capital', mission: 'embassy' },
    authority: 'Border police',
    officer: { name: 'Officer Name', email: OFFICER_EMAIL },
    startDate,
    tasks: ['flows', 'routes'],
    taskDescription: 'Contacts with the host authorities.',
    regionalCoverage: [],
    languages: ['en', 'fr'],
    ...extra,
  };
}

export function activityBodies(date: string) {
  return {
    meeting: {
      date,
      convenedBy: 'DE',
      participants: ['DE', 'FR'],
      commissionPresent: true,
      ebcgPresent: false,
      absenceReason: 'Operational reasons.',
      topics: ['Routes'],
      summary: 'Exchange on new routes.',
    },
    training: {
      date,
      kind: 'consular_staff_training',
      organisers: ['DE embassy'],
      participantCount: 12,
      topics: ['Document fraud'],
      summary: 'Training on forged visas.',
    },
    carrierPosition: {
      date,
      carriers: ['Air Example'],
      states: ['DE', 'FR'],
      position: 'Common advice on boarding checks.',
    },
    contact: {
      date,
      counterpartType: 'international_organisation',
      counterpart: 'IOM',
      summary: 'Meeting on returns.',
    },
  };
}

export interface World {
  app: TestApp;
  /** The dev signing key of this app: tests mint expired and odd tokens with it. */
  keyFile: string;
  tokens: Record<Person, string>;
  today: string;
  /** The current (open) semester and the previous (closed) one. */
  current: string;
  previous: string;
  /** The year whose annual summary exists. */
  annualYear: number;
  /** A semester that has ended and is still open: what a close can really close. */
  closable: string;
  /** Started last year: a member of every network in both semesters. */
  lastYear: string;
  ids: { notified: string; draft: string; arrangement: string };
  /** A call as one of the people, failing loudly unless it answers `status`. */
  expectCall(person: Person, method: string, path: string, body: unknown, status: number): Promise<ApiAnswer>;
  call(method: string, path: string, options?: CallOptions): Promise<ApiAnswer>;
  /** A new draft of DE (as its editor), in the spare host country unless told. */
  newDraft(hostCountry?: string, startDate?: string): Promise<{ id: string; version: number }>;
  /** A new notified secondment of DE, in the spare host country, starting on `startDate`. */
  newNotified(startDate: string): Promise<{ id: string; version: number }>;
  stop(): Promise<void>;
}

export async function buildWorld(options: { serveWeb?: boolean } = {}): Promise<World> {
  const keyDir = mkdtempSync(join(tmpdir(), 'ilo-security-'));
  const keyFile = join(keyDir, 'dev-signing-key.json');
  const app = await startTestApp({ ...options, keyFile });
  const tokens = Object.fromEntries(
    await Promise.all(
      people.map(async (person) => {
        const [organisation, role] = person.split(':') as [string, string];
        return [person, await app.login(organisation, role)] as const;
      }),
    ),
  ) as Record<Person, string>;

  const now = new Date();
  const today = brusselsDate(now);
  const current = semesterIdAt(now);
  const previous = previousSemesterId(current);
  const year = Number(today.slice(0, 4));
  const lastYear = `${year - 1}-03-01`;
  const annualYear = previous.endsWith('H2')
    ? Number(previous.slice(0, 4))
    : Number(previous.slice(0, 4)) - 1;
  const annualH2 = `${annualYear}-H2`;

  const expectCall: World['expectCall'] = async (person, method, path, body, status) => {
    const answer = await app.call(method, path, {
      token: tokens[person],
      ...(body === undefined ? {} : { body }),
    });
    if (answer.status !== status) {
      throw new Error(
        `world: ${person} ${method} ${path} answered ${answer.status}, not ${status}: ${JSON.stringify(answer.json)}`,
      );
    }
    return answer;
  };

  const newDraft: World['newDraft'] = async (hostCountry = SPARE_HOST, startDate = lastYear) => {
    const created = await expectCall(
      'DE:editor',
      'POST',
      '/api/secondments',
      secondmentFields(hostCountry, startDate),
      201,
    );
    return { id: created.json.id, version: created.json.version };
  };
  const notify = async (person: Person, id: string, version: number) => {
    const notified = await expectCall(person, 'POST', `/api/secondments/${id}/notify`, { version }, 200);
    return { id, version: notified.json.version as number };
  };
  const newNotified: World['newNotified'] = async (startDate) => {
    const draft = await newDraft(SPARE_HOST, startDate);
    return notify('DE:editor', draft.id, draft.version);
  };
  const post = async (person: Person, hostCountry: string) => {
    const created = await expectCall(
      person,
      'POST',
      '/api/secondments',
      secondmentFields(hostCountry, lastYear),
      201,
    );
    return notify(person, created.json.id, created.json.version);
  };

  const [first] = await Promise.all([
    post('DE:editor', 'BF'),
    post('DE:editor', 'BF'),
    post('FR:editor', 'BF'),
    post('AT:editor', 'BF'),
    post('DE:editor', 'GH'),
    post('DE:editor', 'GH'),
    post('FR:editor', 'GH'),
    post('DE:editor', 'ML'),
    post('DE:editor', 'ML'),
  ]);
  const draft = await newDraft();

  // The previous semester's contributions, then its close and reports.
  const contribution = (semesterId: string, net: string, state: string) =>
    `/api/semesters/${semesterId}/networks/${net}/contributions/${state}`;
  const saveAndSubmit = async (semesterId: string, net: string, state: string, submit: boolean) => {
    const saved = await expectCall(
      `${state}:editor` as Person,
      'PUT',
      contribution(semesterId, net, state),
      { templateVersion: 1, version: 0, values: completeValues },
      200,
    );
    if (submit) {
      await expectCall(
        `${state}:coordinator` as Person,
        'POST',
        `${contribution(semesterId, net, state)}/submit`,
        { version: saved.json.version },
        200,
      );
    }
  };
  await Promise.all([
    saveAndSubmit(previous, 'BF', 'DE', true),
    saveAndSubmit(previous, 'BF', 'FR', false),
    saveAndSubmit(previous, 'GH', 'DE', true),
    saveAndSubmit(previous, 'ML', 'DE', true),
  ]);
  if (annualH2 !== previous)
    await expectCall('EC:admin', 'POST', `/api/semesters/${annualH2}/close`, {}, 200);
  await expectCall('EC:admin', 'POST', `/api/semesters/${previous}/close`, {}, 200);
  await app.reportQueue.idle();
  const ghana = await expectCall(
    'DE:coordinator',
    'GET',
    `/api/semesters/${previous}/reports/GH`,
    undefined,
    200,
  );
  await expectCall(
    'DE:coordinator',
    'POST',
    `/api/semesters/${previous}/reports/GH/finalise`,
    { revision: ghana.json.revision },
    200,
  );
  await draftAnnualSummary({ time: now.toISOString() });
  await expectCall('EC:admin', 'GET', `/api/annual-summaries/${annualYear}`, undefined, 200);

  // The current semester: DE's complete draft for BF, and an arrangement between DE and FR.
  await saveAndSubmit(current, 'BF', 'DE', false);
  const arrangement = await expectCall(
    'DE:coordinator',
    'POST',
    '/api/arrangements',
    {
      kind: 'representation',
      parties: ['DE', 'FR'],
      hostCountries: ['BF'],
      scope: 'DE looks after FR visa matters.',
      validFrom: today,
    },
    201,
  );

  const semesters = await expectCall('EC:admin', 'GET', '/api/semesters', undefined, 200);
  const closable = (semesters.json.items as { id: string; status: string; end: string }[]).find(
    (s) => s.status === 'open' && s.end < today && s.id !== previous && s.id !== annualH2,
  )?.id;
  if (!closable) throw new Error('world: no ended, still open semester in the calendar to close');
  // Nobody was posted then, so closing it generates no report.
  if (semester(closable).end >= lastYear) throw new Error(`world: ${closable} overlaps the secondments`);

  return {
    app,
    keyFile,
    tokens,
    today,
    current,
    previous,
    annualYear,
    closable,
    lastYear,
    ids: { notified: first.id, draft: draft.id, arrangement: arrangement.json.id },
    expectCall,
    call: app.call,
    newDraft,
    newNotified,
    stop: async () => {
      await app.stop();
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
}

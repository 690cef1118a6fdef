import type { EndpointId } from '#shared/api/endpoints.ts';
import {
  activityBodies,
  completeValues,
  NETWORK,
  OWN,
  type Person,
  SPARE_HOST,
  secondmentFields,
  type World,
} from './world.ts';

/**
 * The permission matrix: every route of the contract against every kind of caller. The columns:
 *
 * | column | who |
 * | --- | --- |
 * | ownEditor, ownCoordinator | DE's editor and coordinator: DE owns the secondments, is a member of every network and drafts its reports |
 * | otherState | SE's coordinator: a participating state with no ILO anywhere |
 * | ecAdmin | the Commission's administrator |
 * | council, ep, ebcg | the readers of the Council, the Parliament and the EBCG Agency |
 * | noToken | no Authorization header |
 * | expired | DE's coordinator, signed with the right key, expired an hour ago |
 * | otherKey | EC admin claims signed with another key |
 * | tampered | SE's reader token with its claims changed to EC admin, the signature kept |
 * | unsigned | EC admin claims with `alg: none` and no signature |
 * | impossibleRole | correctly signed, but a role the organisation cannot hold (DE admin) |
 * | disabled | a DE editor of the directory, disabled after signing in: its token is still valid |
 *
 * `OK` is the endpoint's success status; a number is the exact status of a refusal (400 only where the
 * contract says so: a coordinator proposing an arrangement its state is not party to).
 */
export const callers = [
  'ownEditor',
  'ownCoordinator',
  'otherState',
  'ecAdmin',
  'council',
  'ep',
  'ebcg',
  'noToken',
  'expired',
  'otherKey',
  'tampered',
  'unsigned',
  'impossibleRole',
  'disabled',
] as const;
export type CallerId = (typeof callers)[number];

/** The signed-in callers as people of the world (the token columns have no person). */
export const personOf: Partial<Record<CallerId, Person>> = {
  ownEditor: 'DE:editor',
  ownCoordinator: 'DE:coordinator',
  otherState: 'SE:coordinator',
  ecAdmin: 'EC:admin',
  council: 'COUNCIL:reader',
  ep: 'EP:reader',
  ebcg: 'EBCG:reader',
};

export const OK = 'OK';
export type Outcome = typeof OK | 400 | 401 | 403 | 404;

export interface Target {
  /** The path with its parameters filled in (and any query string). */
  path: string;
  body?: unknown;
}

export interface Row {
  endpoint: EndpointId;
  /** Which situation, when an endpoint has several rows. */
  variant?: string;
  /** The request, made fresh for each cell where a success changes what the next cell would meet. */
  target: (world: World) => Promise<Target> | Target;
  expect: Record<CallerId, Outcome>;
  /**
   * The officer's name and contact (personal data) in a successful answer: never, unless said here.
   * `states-and-ec`: shown to participating states and the Commission, and to no one else.
   * `writer`: the seconding state's own writers get it back from their change.
   */
  officer?: 'states-and-ec' | 'writer';
}

/** A public route: every caller is answered, whatever token it carries. */
const PUBLIC = [OK, OK, OK, OK, OK, OK, OK] as const;
/**
 * A signed-in route: no, expired, foreign, altered or unsigned token is 401; an impossible role 403;
 * a disabled person 401 (account_disabled), from the next request on.
 */
const SIGNED_IN = [401, 401, 401, 401, 401, 403, 401] as const;

type Seven = readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];
function cells(signedIn: Seven, tokens: readonly Outcome[] = SIGNED_IN): Record<CallerId, Outcome> {
  const all = [...signedIn, ...tokens];
  return Object.fromEntries(callers.map((caller, i) => [caller, all[i]])) as Record<CallerId, Outcome>;
}

const EVERYONE: Seven = [OK, OK, OK, OK, OK, OK, OK];
/** States, the Commission and the Council receive secondment notifications; EP and EBCG do not. */
const NOTIFICATION_READERS: Seven = [OK, OK, OK, OK, OK, 403, 403];
/** DE's editors and coordinators; the rest may not (and may not know a draft exists). */
const OWN_WRITERS_DRAFT: Seven = [OK, OK, 404, 404, 404, 404, 404];
/** DE's editors and coordinators; readers of notifications are refused, others do not see it. */
const OWN_WRITERS_NOTIFIED: Seven = [OK, OK, 403, 403, 403, 404, 404];
const OWN_WRITERS: Seven = [OK, OK, 403, 403, 403, 403, 403];
const OWN_COORDINATOR: Seven = [403, OK, 403, 403, 403, 403, 403];
const EC_ADMIN: Seven = [403, 403, 403, OK, 403, 403, 403];

const contribution = (semester: string, net: string, state: string) =>
  `/api/semesters/${semester}/networks/${net}/contributions/${state}`;

async function contributionVersion(world: World, path: string) {
  return (await world.expectCall('EC:admin', 'GET', path, undefined, 200)).json as {
    version: number;
    status: string;
    allowed: string[];
  };
}

async function reportRevision(world: World, net: string) {
  const report = await world.expectCall(
    'EC:admin',
    'GET',
    `/api/semesters/${world.previous}/reports/${net}`,
    undefined,
    200,
  );
  return report.json.revision as number;
}

async function designationVersion(world: World) {
  const network = await world.expectCall(
    'EC:admin',
    'GET',
    `/api/networks/${NETWORK}?semester=${world.current}`,
    undefined,
    200,
  );
  return network.json.semester.designationVersion as number;
}

let regionCount = 0;

/** States' coordinators for their own state, and the Commission's administrators: the people directory. */
const DE_PEOPLE_MANAGERS: Seven = [403, OK, 403, OK, 403, 403, 403];

let personCount = 0;
const newPersonFields = () => ({
  organisation: OWN,
  role: 'reader',
  name: `Reader ${++personCount}`,
  email: `matrix.reader.${personCount}@example.eu`,
  language: 'en',
});
/** A fresh DE reader, invited by the EC admin (disabled too when asked). */
async function newPerson(world: World, disabled = false): Promise<{ id: string; version: number }> {
  const created = await world.expectCall('EC:admin', 'POST', '/api/people', newPersonFields(), 201);
  if (!disabled) return { id: created.json.id, version: created.json.version };
  const off = await world.expectCall(
    'EC:admin',
    'POST',
    `/api/people/${created.json.id}/disable`,
    { version: created.json.version },
    200,
  );
  return { id: off.json.id, version: off.json.version };
}

export const matrix: Row[] = [
  // ---- system and identity -----------------------------------------------------------------
  { endpoint: 'health', target: () => ({ path: '/api/health' }), expect: cells(EVERYONE, PUBLIC) },
  { endpoint: 'openApi', target: () => ({ path: '/api/openapi.json' }), expect: cells(EVERYONE) },
  {
    endpoint: 'devLogin',
    target: () => ({ path: '/api/dev/login', body: { organisation: 'DE', role: 'reader' } }),
    expect: cells(EVERYONE, PUBLIC),
  },
  { endpoint: 'me', target: () => ({ path: '/api/me' }), expect: cells(EVERYONE) },
  { endpoint: 'reference', target: () => ({ path: '/api/reference' }), expect: cells(EVERYONE) },
  { endpoint: 'feed', target: () => ({ path: '/api/feed' }), expect: cells(EVERYONE) },

  // ---- the people directory ----------------------------------------------------------------
  {
    endpoint: 'listPeople',
    target: () => ({ path: `/api/people?organisation=${OWN}` }),
    expect: cells(DE_PEOPLE_MANAGERS),
  },
  {
    endpoint: 'createPerson',
    target: () => ({ path: '/api/people', body: newPersonFields() }),
    expect: cells(DE_PEOPLE_MANAGERS),
  },
  {
    endpoint: 'updatePerson',
    target: async (w) => {
      const { id, version } = await newPerson(w);
      return {
        path: `/api/people/${id}`,
        body: { version, role: 'editor', name: 'Renamed', language: 'fr' },
      };
    },
    expect: cells(DE_PEOPLE_MANAGERS),
  },
  {
    endpoint: 'disablePerson',
    target: async (w) => {
      const { id, version } = await newPerson(w);
      return { path: `/api/people/${id}/disable`, body: { version } };
    },
    expect: cells(DE_PEOPLE_MANAGERS),
  },
  {
    endpoint: 'enablePerson',
    target: async (w) => {
      const { id, version } = await newPerson(w, true);
      return { path: `/api/people/${id}/enable`, body: { version } };
    },
    expect: cells(DE_PEOPLE_MANAGERS),
  },
  {
    endpoint: 'updatePreferences',
    // Each caller's own entry, still at version 1: nothing else changes the world's people, and
    // each caller makes this request once.
    target: () => ({
      path: '/api/me/preferences',
      body: { version: 1, language: 'fr', notifications: { report_finalised: 'daily' } },
    }),
    expect: cells(EVERYONE),
  },

  // ---- secondments -------------------------------------------------------------------------
  {
    endpoint: 'createSecondment',
    // Any state's writers create drafts for their own state (SE's draft is SE's, not DE's).
    target: (w) => ({ path: '/api/secondments', body: secondmentFields(SPARE_HOST, w.lastYear) }),
    expect: cells([OK, OK, OK, 403, 403, 403, 403]),
    officer: 'writer',
  },
  {
    endpoint: 'listSecondments',
    target: () => ({ path: `/api/secondments?state=${OWN}` }),
    expect: cells(NOTIFICATION_READERS),
  },
  {
    endpoint: 'getSecondment',
    variant: 'notified',
    target: (w) => ({ path: `/api/secondments/${w.ids.notified}` }),
    expect: cells(NOTIFICATION_READERS),
    officer: 'states-and-ec',
  },
  {
    endpoint: 'getSecondment',
    variant: 'draft',
    target: (w) => ({ path: `/api/secondments/${w.ids.draft}` }),
    expect: cells([OK, OK, 404, 404, 404, 403, 403]),
    officer: 'states-and-ec',
  },
  {
    endpoint: 'secondmentHistory',
    variant: 'notified',
    target: (w) => ({ path: `/api/secondments/${w.ids.notified}/history` }),
    expect: cells(NOTIFICATION_READERS),
  },
  {
    endpoint: 'secondmentHistory',
    variant: 'draft',
    target: (w) => ({ path: `/api/secondments/${w.ids.draft}/history` }),
    expect: cells([OK, OK, 404, 404, 404, 403, 403]),
  },
  {
    endpoint: 'updateSecondment',
    variant: 'draft',
    target: async (w) => {
      const { id, version } = await w.newDraft();
      return {
        path: `/api/secondments/${id}`,
        body: { ...secondmentFields(SPARE_HOST, w.lastYear, { authority: 'Changed' }), version },
      };
    },
    expect: cells(OWN_WRITERS_DRAFT),
    officer: 'writer',
  },
  {
    endpoint: 'updateSecondment',
    variant: 'notified',
    target: async (w) => {
      const { id, version } = await w.newNotified(w.today);
      return {
        path: `/api/secondments/${id}`,
        body: { ...secondmentFields(SPARE_HOST, w.today, { authority: 'Changed' }), version },
      };
    },
    expect: cells(OWN_WRITERS_NOTIFIED),
    officer: 'writer',
  },
  {
    endpoint: 'notifySecondment',
    target: async (w) => {
      const { id, version } = await w.newDraft();
      return { path: `/api/secondments/${id}/notify`, body: { version } };
    },
    expect: cells(OWN_WRITERS_DRAFT),
    officer: 'writer',
  },
  {
    endpoint: 'endSecondment',
    target: async (w) => {
      const { id, version } = await w.newNotified(w.today);
      return { path: `/api/secondments/${id}/end`, body: { version, endDate: w.today } };
    },
    expect: cells(OWN_WRITERS_NOTIFIED),
    officer: 'writer',
  },
  {
    endpoint: 'withdrawSecondment',
    target: async (w) => {
      const future = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
      const { id, version } = await w.newNotified(future);
      return { path: `/api/secondments/${id}/withdraw`, body: { version } };
    },
    expect: cells(OWN_WRITERS_NOTIFIED),
    officer: 'writer',
  },
  {
    endpoint: 'audit',
    // The Commission's administrators read any trail; a state its own entities' only.
    target: (w) => ({ path: `/api/audit?entity=secondment:${w.ids.notified}` }),
    expect: cells([OK, OK, 403, OK, 403, 403, 403]),
  },

  // ---- networks ----------------------------------------------------------------------------
  // Network pages are read by every signed-in organisation (API.md: "signed in").
  { endpoint: 'listNetworks', target: () => ({ path: '/api/networks' }), expect: cells(EVERYONE) },
  {
    endpoint: 'getNetwork',
    target: (w) => ({ path: `/api/networks/${NETWORK}?semester=${w.current}` }),
    expect: cells(EVERYONE),
  },
  {
    endpoint: 'recordMeeting',
    target: (w) => ({ path: `/api/networks/${NETWORK}/meetings`, body: activityBodies(w.today).meeting }),
    expect: cells(OWN_WRITERS),
  },
  {
    endpoint: 'recordTraining',
    target: (w) => ({ path: `/api/networks/${NETWORK}/trainings`, body: activityBodies(w.today).training }),
    expect: cells(OWN_WRITERS),
  },
  {
    endpoint: 'recordCarrierPosition',
    target: (w) => ({
      path: `/api/networks/${NETWORK}/carrier-positions`,
      body: activityBodies(w.today).carrierPosition,
    }),
    expect: cells(OWN_WRITERS),
  },
  {
    endpoint: 'recordContact',
    target: (w) => ({ path: `/api/networks/${NETWORK}/contacts`, body: activityBodies(w.today).contact }),
    expect: cells(OWN_WRITERS),
  },
  {
    endpoint: 'updateActivity',
    // Only the recording state changes its record (DE recorded it).
    target: async (w) => {
      const contact = activityBodies(w.today).contact;
      const recorded = await w.expectCall(
        'DE:editor',
        'POST',
        `/api/networks/${NETWORK}/contacts`,
        contact,
        201,
      );
      return {
        path: `/api/networks/${NETWORK}/semesters/${w.current}/activities/${recorded.json.id}`,
        body: { version: 1, fields: { ...contact, summary: 'Corrected summary.' } },
      };
    },
    expect: cells(OWN_WRITERS),
  },
  {
    endpoint: 'designateActingState',
    // Member coordinators and the Commission's administrators.
    target: async (w) => ({
      path: `/api/networks/${NETWORK}/semesters/${w.current}/acting-state`,
      body: { state: OWN, version: await designationVersion(w) },
    }),
    expect: cells([403, OK, 403, OK, 403, 403, 403]),
  },
  {
    endpoint: 'reassignDraftingState',
    target: async (w) => ({
      path: `/api/networks/${NETWORK}/semesters/${w.current}/drafting-state`,
      body: { state: OWN, version: await designationVersion(w) },
    }),
    expect: cells(EC_ADMIN),
  },
  { endpoint: 'listRegions', target: () => ({ path: '/api/regional-networks' }), expect: cells(EVERYONE) },
  {
    endpoint: 'saveRegion',
    target: () => {
      regionCount += 1;
      return {
        path: `/api/regional-networks/R-matrix-${regionCount}`,
        body: { name: 'Matrix region', hostCountries: [SPARE_HOST, 'NE'], version: 0 },
      };
    },
    expect: cells(EC_ADMIN),
  },

  // ---- arrangements ------------------------------------------------------------------------
  {
    endpoint: 'proposeArrangement',
    target: (w) => ({
      path: '/api/arrangements',
      body: {
        kind: 'task_sharing',
        parties: ['DE', 'FR'],
        hostCountries: [NETWORK],
        scope: 'Shared document checks.',
        validFrom: w.today,
      },
    }),
    // SE's coordinator may propose, but only arrangements its own state is party to: 400 naming `parties`.
    expect: cells([403, OK, 400, 403, 403, 403, 403]),
  },
  { endpoint: 'listArrangements', target: () => ({ path: '/api/arrangements' }), expect: cells(EVERYONE) },
  {
    endpoint: 'getArrangement',
    target: (w) => ({ path: `/api/arrangements/${w.ids.arrangement}` }),
    expect: cells(EVERYONE),
  },
  {
    endpoint: 'acceptArrangement',
    // FR proposes to DE: only DE's coordinator accepts.
    target: async (w) => {
      const proposed = await w.expectCall(
        'FR:coordinator',
        'POST',
        '/api/arrangements',
        {
          kind: 'representation',
          parties: ['FR', 'DE'],
          hostCountries: [NETWORK],
          scope: 'FR looks after DE.',
          validFrom: w.today,
        },
        201,
      );
      return { path: `/api/arrangements/${proposed.json.id}/accept`, body: { version: 1 } };
    },
    expect: cells(OWN_COORDINATOR),
  },
  {
    endpoint: 'withdrawArrangement',
    target: async (w) => {
      const proposed = await w.expectCall(
        'DE:coordinator',
        'POST',
        '/api/arrangements',
        {
          kind: 'representation',
          parties: ['DE', 'FR'],
          hostCountries: [NETWORK],
          scope: 'DE looks after FR.',
          validFrom: w.today,
        },
        201,
      );
      return { path: `/api/arrangements/${proposed.json.id}/withdraw`, body: { version: 1 } };
    },
    expect: cells(OWN_COORDINATOR),
  },

  // ---- semesters and contributions ---------------------------------------------------------
  { endpoint: 'listSemesters', target: () => ({ path: '/api/semesters' }), expect: cells(EVERYONE) },
  {
    endpoint: 'getSemester',
    target: (w) => ({ path: `/api/semesters/${w.current}` }),
    expect: cells(EVERYONE),
  },
  {
    endpoint: 'closeSemester',
    target: (w) => ({ path: `/api/semesters/${w.closable}/close`, body: {} }),
    expect: cells(EC_ADMIN),
  },
  {
    endpoint: 'outstandingContributions',
    target: () => ({ path: '/api/contributions/outstanding' }),
    expect: cells(EVERYONE),
  },
  {
    endpoint: 'getContribution',
    variant: 'own, open semester',
    target: (w) => ({ path: contribution(w.current, NETWORK, OWN) }),
    expect: cells([OK, OK, 403, OK, 403, 403, 403]),
  },
  {
    endpoint: 'getContribution',
    variant: "FR's, closed semester: the drafting state reads it",
    target: (w) => ({ path: contribution(w.previous, NETWORK, 'FR') }),
    expect: cells([OK, OK, 403, OK, 403, 403, 403]),
  },
  {
    endpoint: 'saveContribution',
    target: async (w) => {
      const path = contribution(w.current, NETWORK, OWN);
      const { version } = await contributionVersion(w, path);
      return { path, body: { templateVersion: 1, version, values: completeValues } };
    },
    expect: cells(OWN_WRITERS),
  },
  {
    endpoint: 'submitContribution',
    target: async (w) => {
      const path = contribution(w.current, NETWORK, OWN);
      let { version, status } = await contributionVersion(w, path);
      if (status === 'submitted') {
        // A cell before this one submitted it: the Commission reopens it so the next may try.
        const reopened = await w.expectCall('EC:admin', 'POST', `${path}/reopen`, { version }, 200);
        version = reopened.json.version;
      }
      return { path: `${path}/submit`, body: { version } };
    },
    expect: cells(OWN_COORDINATOR),
  },
  {
    endpoint: 'reopenContribution',
    // The Commission and the drafting state (DE) grant the exception; FR's, AT's, then DE's own.
    target: async (w) => {
      for (const state of ['FR', 'AT', 'DE']) {
        const path = contribution(w.previous, NETWORK, state);
        const current = await contributionVersion(w, path);
        if (current.allowed.includes('reopen'))
          return { path: `${path}/reopen`, body: { version: current.version } };
      }
      throw new Error('no contribution left to reopen');
    },
    expect: cells([403, OK, 403, OK, 403, 403, 403]),
  },

  // ---- reports -----------------------------------------------------------------------------
  {
    endpoint: 'listReports',
    target: (w) => ({ path: `/api/semesters/${w.previous}/reports` }),
    expect: cells(EVERYONE),
  },
  {
    endpoint: 'getReport',
    variant: 'generated: members and the Commission',
    target: (w) => ({ path: `/api/semesters/${w.previous}/reports/${NETWORK}` }),
    expect: cells([OK, OK, 403, OK, 403, 403, 403]),
  },
  {
    endpoint: 'getReport',
    variant: 'finalised: every organisation',
    target: (w) => ({ path: `/api/semesters/${w.previous}/reports/GH` }),
    expect: cells(EVERYONE),
  },
  {
    endpoint: 'getReportHtml',
    variant: 'generated',
    target: (w) => ({ path: `/api/semesters/${w.previous}/reports/${NETWORK}/html` }),
    expect: cells([OK, OK, 403, OK, 403, 403, 403]),
  },
  {
    endpoint: 'getReportHtml',
    variant: 'finalised',
    target: (w) => ({ path: `/api/semesters/${w.previous}/reports/GH/html` }),
    expect: cells(EVERYONE),
  },
  {
    endpoint: 'getReportFile',
    variant: 'generated',
    target: (w) => ({ path: `/api/semesters/${w.previous}/reports/${NETWORK}/files/1/pdf` }),
    expect: cells([OK, OK, 403, OK, 403, 403, 403]),
  },
  {
    endpoint: 'getReportFile',
    variant: 'finalised',
    target: (w) => ({ path: `/api/semesters/${w.previous}/reports/GH/files/2/docx` }),
    expect: cells(EVERYONE),
  },
  {
    endpoint: 'saveAssessment',
    target: async (w) => ({
      path: `/api/semesters/${w.previous}/reports/${NETWORK}/assessment`,
      body: { assessment: 'The network worked well.', revision: await reportRevision(w, NETWORK) },
    }),
    expect: cells(OWN_COORDINATOR),
  },
  {
    endpoint: 'finaliseReport',
    target: async (w) => ({
      path: `/api/semesters/${w.previous}/reports/ML/finalise`,
      body: { revision: await reportRevision(w, 'ML') },
    }),
    expect: cells(OWN_COORDINATOR),
  },
  {
    endpoint: 'getAnnualSummary',
    // The Commission, the Council and the Parliament.
    target: (w) => ({ path: `/api/annual-summaries/${w.annualYear}` }),
    expect: cells([403, 403, 403, OK, OK, OK, 403]),
  },
  {
    endpoint: 'setPresidency',
    // The Presidency it already has: the world's drafting states stay as they are.
    target: async (w) => ({
      path: `/api/reference/presidency/${PRESIDENCY_ROW_SEMESTER}`,
      body: { state: 'MT', version: await semesterVersion(w, PRESIDENCY_ROW_SEMESTER) },
    }),
    expect: cells(EC_ADMIN),
  },
];

/** A coming semester of the seeded calendar, held by MT: the Presidency row sets it again. */
const PRESIDENCY_ROW_SEMESTER = '2030-H2';

async function semesterVersion(world: World, id: string) {
  const reference = await world.expectCall('EC:admin', 'GET', '/api/reference', undefined, 200);
  return (reference.json.semesters as { id: string; version: number }[]).find((s) => s.id === id)?.version;
}

/**
 * The benchmark data set as a plan: what the network looks like at full scale, decided by a seeded
 * generator and a fixed clock, before anything is written. `bench/generate.ts` writes the plan
 * through the product's own use cases. Same seed, scale and semester: the same plan, byte for byte.
 */
import { type ActivityKind, membersInSemester, type Posting } from '#shared/networks.ts';
import { countryName } from '#shared/reference/countries.ts';
import { defaultPresidencyCalendar } from '#shared/reference/presidency.ts';
import { hostCountries, isHostCountry, type StateCode, stateCodes } from '#shared/reference/states.ts';
import { currentReportTemplateVersion, reportTemplate, templateFields } from '#shared/report-templates.ts';
import type { MissionType, SecondmentInput, SecondmentTask } from '#shared/secondments.ts';
import { nextSemesterId, previousSemesterId, type SemesterId, semester } from '#shared/semesters.ts';
import { type Random, seededRandom } from './lib/random.ts';
import { narrative, shortLine, type TextContext } from './lib/text.ts';

export interface GeneratorOptions {
  seed: number;
  /** 1: 500 active ILOs in 105 host countries. Scales ILOs, host countries (up to every host country) and everything that follows them. */
  scale: number;
  /** The semester the benchmark closes: the last of the two years of history, still open. */
  semester: SemesterId;
}

export const defaultGeneratorOptions: GeneratorOptions = { seed: 377, scale: 1, semester: '2026-H1' };

/** The network's real size (scale 1). */
export const FULL_SCALE = { activeIlos: 500, hostCountries: 105, states: 31 } as const;

export interface PlannedSecondment {
  /** The plan's own id (`S0001`); the product assigns the real one. */
  key: string;
  state: StateCode;
  input: SecondmentInput;
  createdAt: string;
  /** Absent: a draft, never notified. */
  notifiedAt?: string;
  /** The end, notified at `at`. */
  end?: { endDate: string; at: string };
}

export interface PlannedActivity {
  networkId: string;
  semester: SemesterId;
  kind: ActivityKind;
  recordedBy: StateCode;
  fields: Record<string, unknown>;
  at: string;
}

export interface PlannedArrangement {
  proposer: StateCode;
  input: {
    kind: 'representation' | 'task_sharing';
    parties: StateCode[];
    hostCountries: string[];
    scope: string;
    validFrom: string;
  };
  /** Parties that accept after the proposal (all of them: the arrangement takes effect). */
  acceptedBy: StateCode[];
  at: string;
}

export interface PlannedDesignation {
  networkId: string;
  semester: SemesterId;
  /** A member coordinator designates the acting state (itself). */
  state: StateCode;
  at: string;
}

export interface PlannedContribution {
  semester: SemesterId;
  networkId: string;
  state: StateCode;
  values: Record<string, unknown>;
  savedAt: string;
  /** Absent: left as a draft. */
  submittedAt?: string;
}

export interface PlannedRegion {
  id: string;
  name: string;
  hostCountries: string[];
}

export interface DatasetPlan {
  options: GeneratorOptions;
  /** The fixed clock: ten minutes before the closing semester ends. */
  clock: string;
  /** Two years: three closed semesters, then the one the benchmark closes. */
  semesters: { closed: SemesterId[]; closing: SemesterId; next: SemesterId };
  states: StateCode[];
  hostCountries: string[];
  regions: PlannedRegion[];
  secondments: PlannedSecondment[];
  activities: PlannedActivity[];
  arrangements: PlannedArrangement[];
  designations: PlannedDesignation[];
  contributions: PlannedContribution[];
}

// Where the EU posts ILOs most, roughly in order; the rest of the host countries follow in seeded order.
// biome-ignore format: a list of codes reads best packed
const likelyHosts = [
  'TR', 'MA', 'UA', 'PK', 'NG', 'SN', 'EG', 'TN', 'DZ', 'LY', 'IN', 'CN', 'RS', 'LB', 'JO', 'IQ', 'AF',
  'BD', 'GH', 'CI', 'ET', 'KE', 'SD', 'ML', 'NE', 'GN', 'GM', 'AL', 'MK', 'BA', 'ME', 'XK', 'GE', 'AM',
  'AZ', 'MD', 'RU', 'IR', 'VN', 'LK', 'NP', 'PH', 'TH', 'ID', 'MY', 'BR', 'CO', 'VE', 'PE', 'EC', 'DO',
  'MX', 'US', 'CA', 'AE', 'QA', 'SA', 'KW', 'OM', 'ZA', 'CD', 'CM', 'MR', 'BF', 'TD', 'ER', 'SO', 'DJ',
  'UZ', 'KZ', 'KG', 'TJ', 'SY', 'BY', 'CU', 'AR', 'CL', 'JP', 'KR', 'SG', 'AU', 'GB',
];

// Relative weights of the states' ILO numbers (larger states post more officers); every state posts at least one.
// biome-ignore format: a table reads best packed
const stateWeights: Partial<Record<StateCode, number>> = {
  DE: 10, FR: 9, NL: 7, IT: 7, ES: 7, BE: 6, PL: 4, SE: 4, AT: 4, NO: 3, CH: 3, DK: 3, PT: 3, FI: 2,
  CZ: 2, GR: 2, HU: 2, RO: 2, IE: 1.5, BG: 1.5, HR: 1, SI: 1, SK: 1, LT: 1, LV: 1, EE: 1, LU: 0.5,
  MT: 0.5, CY: 0.5, IS: 0.3, LI: 0.2,
};

// biome-ignore format: a table reads best packed
const capitals: Record<string, string> = {
  TR: 'Ankara', MA: 'Rabat', UA: 'Kyiv', PK: 'Islamabad', NG: 'Abuja', SN: 'Dakar', EG: 'Cairo',
  TN: 'Tunis', DZ: 'Algiers', LY: 'Tripoli', IN: 'New Delhi', CN: 'Beijing', RS: 'Belgrade',
  LB: 'Beirut', JO: 'Amman', IQ: 'Baghdad', AF: 'Kabul', BD: 'Dhaka', GH: 'Accra', CI: 'Abidjan',
};
const secondCities: Record<string, string> = {
  TR: 'İstanbul',
  MA: 'Casablanca',
  NG: 'Lagos',
  PK: 'Karachi',
  IN: 'Mumbai',
  CN: 'Shanghai',
  EG: 'Alexandria',
};

const regionTemplates: { id: string; name: string; hostCountries: string[] }[] = [
  { id: 'R-western-balkans', name: 'Western Balkans', hostCountries: ['RS', 'AL', 'MK', 'BA', 'ME', 'XK'] },
  { id: 'R-sahel', name: 'Sahel', hostCountries: ['ML', 'NE', 'BF', 'TD', 'MR'] },
  { id: 'R-horn-of-africa', name: 'Horn of Africa', hostCountries: ['ET', 'ER', 'SO', 'DJ', 'SD', 'KE'] },
  { id: 'R-maghreb', name: 'Maghreb', hostCountries: ['MA', 'DZ', 'TN', 'LY'] },
  { id: 'R-south-caucasus', name: 'South Caucasus', hostCountries: ['GE', 'AM', 'AZ'] },
  { id: 'R-central-asia', name: 'Central Asia', hostCountries: ['UZ', 'KZ', 'KG', 'TJ'] },
];

const missions: MissionType[] = [
  'embassy',
  'embassy',
  'embassy',
  'consulate',
  'host_authority',
  'international_organisation',
];
const allTasks: SecondmentTask[] = [
  'flows',
  'routes',
  'smuggling',
  'trends',
  'document_fraud',
  'assistance',
  'return',
];
const firstNames = [
  'Anna',
  'Jonas',
  'Camille',
  'Luca',
  'Zofia',
  'Erik',
  'Lucía',
  'Nikos',
  'Ágnes',
  'Jiří',
  'Sanne',
  'Mário',
];
const lastNames = [
  'Becker',
  'Martin',
  'Rossi',
  'Nowak',
  'Andersson',
  'García',
  'Papadopoulos',
  'Kovács',
  'Dvořák',
  'de Vries',
  'Silva',
  'Horvat',
];

const DAY = 86_400_000;
const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
/** An instant on a calendar day, at a seeded office hour. */
const instant = (random: Random, isoDate: string) =>
  new Date(Date.parse(`${isoDate}T07:00:00Z`) + random.int(0, 9 * 60) * 60_000).toISOString();
const minIso = (a: string, b: string) => (a < b ? a : b);
const maxIso = (a: string, b: string) => (a > b ? a : b);

export function planDataset(options: GeneratorOptions = defaultGeneratorOptions): DatasetPlan {
  if (!(options.scale > 0)) throw new RangeError('scale must be a positive number');
  const random = seededRandom(options.seed);
  const closing = options.semester;
  const closed = [previousSemesterId(previousSemesterId(previousSemesterId(closing)))];
  closed.push(nextSemesterId(closed[0] as SemesterId), previousSemesterId(closing));
  const history = [...closed, closing];
  const windowStart = semester(history[0] as SemesterId).start;
  const clockAt = new Date(Date.parse(semester(closing).endsAt) - 10 * 60_000);
  const clock = clockAt.toISOString();
  const today = clock.slice(0, 10);
  const clockYear = Number(today.slice(0, 4));

  // ---- who and where ----
  const activeIlos = Math.max(1, Math.round(FULL_SCALE.activeIlos * options.scale));
  const states = stateCodes.slice(0, Math.min(FULL_SCALE.states, activeIlos)) as StateCode[];
  const hostPool = [
    ...likelyHosts.filter(isHostCountry),
    ...random.fork('hosts').shuffle(hostCountries.map((c) => c.code).filter((c) => !likelyHosts.includes(c))),
  ];
  const hostCount = Math.min(
    hostPool.length,
    activeIlos,
    Math.max(1, Math.round(FULL_SCALE.hostCountries * options.scale)),
  );
  const hosts = hostPool.slice(0, hostCount);
  const hostWeights = hosts.map((_, rank) => (rank + 1) ** -0.6);
  const weightsOfStates = states.map((s) => stateWeights[s] ?? 1);

  const pairs: { state: StateCode; host: string }[] = [];
  const assign = random.fork('assign');
  for (const host of hosts)
    pairs.push({ state: states[assign.weightedIndex(weightsOfStates)] as StateCode, host });
  for (const state of states) {
    if (!pairs.some((p) => p.state === state))
      pairs.push({ state, host: hosts[assign.weightedIndex(hostWeights)] as string });
  }
  while (pairs.length < activeIlos) {
    pairs.push({
      state: states[assign.weightedIndex(weightsOfStates)] as StateCode,
      host: hosts[assign.weightedIndex(hostWeights)] as string,
    });
  }
  // Turnover: officers who left during the two years (so membership changes between semesters).
  const endedCount = Math.round(activeIlos * 0.2);
  for (let i = 0; i < endedCount; i++) {
    pairs.push({
      state: states[assign.weightedIndex(weightsOfStates)] as StateCode,
      host: hosts[assign.weightedIndex(hostWeights)] as string,
    });
  }
  // A few drafts of postings still to come: private to their state, members of nothing.
  const draftCount = Math.floor(activeIlos * 0.01);
  for (let i = 0; i < draftCount; i++) {
    pairs.push({
      state: states[assign.weightedIndex(weightsOfStates)] as StateCode,
      host: hosts[assign.weightedIndex(hostWeights)] as string,
    });
  }

  // ---- secondments ----
  const secondments: PlannedSecondment[] = [];
  const people = random.fork('secondments');
  const plannedPostings: Posting[] = [];
  pairs.forEach(({ state, host }, index) => {
    const kind = index < activeIlos ? 'active' : index < activeIlos + endedCount ? 'ended' : 'draft';
    const key = `S${String(index + 1).padStart(4, '0')}`;
    let startDate: string;
    let endDate: string | undefined;
    if (kind === 'ended') {
      startDate = addDays(windowStart, -people.int(180, 3 * 365));
      endDate = addDays(windowStart, people.int(30, 700));
      if (endDate > addDays(today, -7)) endDate = addDays(today, -7);
      if (endDate < addDays(startDate, 180)) endDate = addDays(startDate, 180);
    } else if (kind === 'draft') {
      startDate = addDays(today, people.int(30, 120));
      endDate = undefined;
    } else {
      startDate = people.chance(0.7)
        ? addDays(windowStart, -people.int(1, 4 * 365))
        : addDays(windowStart, people.int(0, 690));
      if (startDate > addDays(today, -30)) startDate = addDays(today, -30);
      // A planned end years ahead for some, none for the others: active at the clock and for years after.
      endDate = people.chance(0.4)
        ? `${clockYear + people.int(3, 6)}-0${people.int(1, 9)}-${10 + people.int(0, 18)}`
        : undefined;
    }
    const coverage = people
      .shuffle(hosts.filter((h) => h !== host))
      .slice(0, people.chance(0.5) ? people.int(1, 3) : 0);
    const city = (people.chance(0.25) ? secondCities[host] : undefined) ?? capitals[host] ?? 'Capital';
    const context: TextContext = { host: countryName(host), state, stateName: countryName(state) };
    const input: SecondmentInput = {
      hostCountry: host,
      post: { city, mission: people.pick(missions) },
      authority: `${countryName(state)} border police, immigration liaison unit`,
      officer: {
        name: `${people.pick(firstNames)} ${people.pick(lastNames)}`,
        email: `ilo.${host.toLowerCase()}.${state.toLowerCase()}.${index + 1}@example.eu`,
        ...(people.chance(0.5)
          ? { phone: `+32 2 ${people.int(100, 999)} ${people.int(10, 99)} ${people.int(10, 99)}` }
          : {}),
      },
      startDate,
      ...(endDate ? { endDate } : {}),
      tasks: allTasks.slice(0, people.int(2, 7)),
      taskDescription: narrative(people, people.int(200, 900), context, 4000),
      regionalCoverage: coverage,
      languages: ['en', ...(people.chance(0.5) ? ['fr'] : [])],
    };
    if (kind === 'draft') {
      secondments.push({ key, state, input, createdAt: instant(people, addDays(today, -people.int(2, 40))) });
      return;
    }
    // Notified a few weeks before the start (or when the platform's history begins, for older postings).
    const notifiedAt = instant(
      people,
      maxIso(addDays(startDate, -people.int(10, 60)), addDays(windowStart, -4 * 365 - 60)),
    );
    const planned: PlannedSecondment = { key, state, input, createdAt: notifiedAt, notifiedAt };
    if (kind === 'ended' && endDate) {
      const at = instant(
        people,
        maxIso(addDays(endDate, -people.int(5, 40)), addDays(notifiedAt.slice(0, 10), 1)),
      );
      planned.end = { endDate, at: minIso(at, clock) };
    }
    plannedPostings.push({
      secondmentId: key,
      state,
      hostCountry: host,
      startDate,
      ...(endDate ? { endDate } : {}),
    });
    secondments.push(planned);
  });

  // ---- networks per semester ----
  const postingsOf = (countries: string[]) =>
    plannedPostings.filter((p) => countries.includes(p.hostCountry));
  const regions = regionTemplates
    .map((r) => ({ ...r, hostCountries: r.hostCountries.filter((cc) => hosts.includes(cc)) }))
    .filter((r) => r.hostCountries.length >= 2);
  const networks = [
    ...hosts.map((cc) => ({ id: cc, countries: [cc], regional: false })),
    ...regions.map((r) => ({ id: r.id, countries: r.hostCountries, regional: true })),
  ];
  const memberships = new Map<string, StateCode[]>();
  const membersIn = (countries: string[], semesterId: SemesterId) => {
    const key = `${countries.join(',')}/${semesterId}`;
    if (!memberships.has(key)) {
      memberships.set(
        key,
        membersInSemester(postingsOf(countries), semesterId).map((m) => m.state as StateCode),
      );
    }
    return memberships.get(key) as StateCode[];
  };

  // ---- activities, designations ----
  const activities: PlannedActivity[] = [];
  const designations: PlannedDesignation[] = [];
  const acts = random.fork('activities');
  for (const semesterId of history) {
    const { start, end } = semester(semesterId);
    const lastDay = minIso(end, today);
    const presidency = defaultPresidencyCalendar[semesterId] as StateCode;
    const dateIn = () => minIso(addDays(start, acts.int(5, 175)), lastDay);
    for (const network of networks) {
      const members = membersIn(network.countries, semesterId);
      if (members.length === 0) continue;
      const context: TextContext = {
        host: network.regional ? network.id : countryName(network.id),
        state: members[0] as string,
        stateName: countryName(members[0] as string),
      };
      const recorder = () => acts.pick(members);
      const record = (kind: ActivityKind, recordedBy: StateCode, fields: Record<string, unknown>) => {
        const date = fields.date as string;
        activities.push({
          networkId: network.id,
          semester: semesterId,
          kind,
          recordedBy,
          fields,
          at: instant(acts, minIso(addDays(date, 1), today)),
        });
      };
      const meetings = network.regional
        ? 1
        : 1 + (members.length >= 3 ? 1 : 0) + (members.length >= 10 ? 1 : 0);
      for (let i = 0; i < meetings; i++) {
        const convener = members.includes(presidency) ? presidency : recorder();
        const commissionPresent = acts.chance(0.8);
        const ebcgPresent = acts.chance(0.6);
        record('meeting', convener, {
          date: dateIn(),
          convenedBy: convener,
          participants: acts
            .shuffle(members)
            .slice(0, Math.max(1, acts.int(Math.ceil(members.length / 2), members.length)))
            .sort(),
          commissionPresent,
          ebcgPresent,
          ...(commissionPresent && ebcgPresent
            ? {}
            : { absenceReason: 'Their liaison officer was on mission elsewhere in the region.' }),
          topics: Array.from({ length: acts.int(2, 5) }, () => shortLine(acts, context)),
          summary: narrative(acts, acts.int(1000, 3000), context, 8000),
        });
      }
      if (network.regional) continue;
      for (let i = acts.int(members.length >= 2 ? 1 : 0, 2); i > 0; i--) {
        const by = recorder();
        record('training', by, {
          date: dateIn(),
          kind: acts.chance(0.5) ? 'joint_training_attended' : 'consular_staff_training',
          organisers: [countryName(by)],
          participantCount: acts.int(5, 60),
          topics: [shortLine(acts, context)],
          summary: narrative(acts, acts.int(400, 1500), context, 8000),
        });
      }
      if (acts.chance(0.5)) {
        const by = recorder();
        record('carrier_position', by, {
          date: dateIn(),
          carriers: ['National carrier', 'Regional airline', 'Low-cost airline'].slice(0, acts.int(1, 3)),
          states: acts
            .shuffle(members)
            .slice(0, acts.int(1, Math.min(4, members.length)))
            .sort(),
          position: narrative(acts, acts.int(400, 1200), context, 8000),
        });
      }
      for (let i = acts.int(0, 2); i > 0; i--) {
        record('contact', recorder(), {
          date: dateIn(),
          counterpartType: acts.pick([
            'host_country_network',
            'neighbouring_network',
            'international_organisation',
          ]),
          counterpart: acts.pick([
            'International Organization for Migration',
            'UNHCR',
            'The ILO network in a neighbouring country',
            'Europol liaison office',
          ]),
          summary: narrative(acts, acts.int(300, 1000), context, 8000),
        });
      }
      // Some networks without the Presidency designate an acting state.
      if (!members.includes(presidency) && members.length >= 2 && acts.chance(0.15)) {
        designations.push({
          networkId: network.id,
          semester: semesterId,
          state: recorder(),
          at: instant(acts, minIso(addDays(start, 20), today)),
        });
      }
    }
  }

  // ---- arrangements ----
  const arrangements: PlannedArrangement[] = [];
  const deals = random.fork('arrangements');
  const withSeveral = hosts.filter((cc) => membersIn([cc], closing).length >= 2);
  const arrangementCount = withSeveral.length ? Math.round(30 * options.scale) : 0;
  for (let i = 0; i < arrangementCount; i++) {
    const host = deals.pick(withSeveral);
    const parties = deals
      .shuffle(membersIn([host], closing))
      .slice(0, deals.chance(0.7) ? 2 : 3)
      .sort();
    const proposer = parties[0] as StateCode;
    const validFrom = semester(deals.pick(history)).start;
    const kind = deals.chance(0.6) ? 'representation' : 'task_sharing';
    arrangements.push({
      proposer,
      input: {
        kind,
        parties,
        hostCountries: [host],
        scope: narrative(
          deals,
          deals.int(200, 800),
          { host: countryName(host), state: proposer, stateName: countryName(proposer) },
          4000,
        ),
        validFrom,
      },
      acceptedBy: deals.chance(0.85) ? parties.slice(1) : [],
      at: instant(deals, maxIso(validFrom, addDays(windowStart, 1))),
    });
  }

  // ---- contributions ----
  const contributions: PlannedContribution[] = [];
  const writing = random.fork('contributions');
  const template = reportTemplate(currentReportTemplateVersion);
  if (!template) throw new Error('no current report template');
  for (const semesterId of history) {
    const { end } = semester(semesterId);
    for (const network of networks) {
      for (const state of membersIn(network.countries, semesterId)) {
        const roll = writing.next();
        // Country networks: most submit, some leave a draft, a few write nothing; regional ones, fewer.
        const submitted = network.regional ? roll < 0.4 : roll < 0.9;
        const drafted = !submitted && (network.regional ? roll < 0.5 : roll < 0.95);
        if (!submitted && !drafted) continue;
        const context: TextContext = {
          host: network.regional ? network.id : countryName(network.id),
          state,
          stateName: countryName(state),
        };
        const savedAt = instant(writing, minIso(addDays(end, -writing.int(3, 40)), today));
        contributions.push({
          semester: semesterId,
          networkId: network.id,
          state,
          values: contributionValues(writing, template.version, context, hosts),
          savedAt,
          ...(submitted
            ? {
                submittedAt: minIso(
                  new Date(Date.parse(savedAt) + writing.int(1, 48) * 3_600_000).toISOString(),
                  clock,
                ),
              }
            : {}),
        });
      }
    }
  }

  return {
    options,
    clock,
    semesters: { closed, closing, next: nextSemesterId(closing) },
    states,
    hostCountries: hosts,
    regions: regions.map(({ id, name, hostCountries }) => ({ id, name, hostCountries })),
    secondments,
    activities,
    arrangements,
    designations,
    contributions,
  };
}

/** Every field of the template filled: 2 to 5 KB per narrative section, tables of a few to a dozen rows. */
function contributionValues(random: Random, templateVersion: number, context: TextContext, hosts: string[]) {
  const template = reportTemplate(templateVersion);
  if (!template) throw new Error(`no report template ${templateVersion}`);
  const values: Record<string, unknown> = {};
  for (const field of templateFields(template)) {
    if (field.kind === 'narrative') {
      // 2 to 5 KB: the last sentence may run over the drawn size by up to 200 bytes.
      values[field.id] = narrative(random, random.int(2048, 4800), context, field.maxLength);
    } else if (field.kind === 'count') {
      values[field.id] = random.int(0, 400);
    } else {
      const rows = random.int(3, 12);
      values[field.id] = Array.from({ length: rows }, () =>
        Object.fromEntries(
          field.columns.map((column) => {
            switch (column.type) {
              case 'country':
                return [column.id, random.pick(hosts)];
              case 'count':
                return [column.id, random.int(1, 5000)];
              case 'choice':
                return [column.id, random.pick(column.options ?? [''])];
              default:
                return [column.id, shortLine(random, context).slice(0, column.maxLength ?? 200)];
            }
          }),
        ),
      );
    }
  }
  return values;
}

/** What the plan amounts to, in the terms of the issue (31 states, 500 active ILOs, 105 host countries…). */
export function planCounts(plan: DatasetPlan) {
  const today = plan.clock.slice(0, 10);
  const notified = plan.secondments.filter((s) => s.notifiedAt);
  const active = notified.filter(
    (s) =>
      s.input.startDate <= today &&
      (!(s.end?.endDate ?? s.input.endDate) || (s.end?.endDate ?? s.input.endDate ?? '') >= today),
  );
  const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
  return {
    states: new Set(active.map((s) => s.state)).size,
    activeIlos: active.length,
    hostCountries: new Set(active.map((s) => s.input.hostCountry)).size,
    regions: plan.regions.length,
    secondments: plan.secondments.length,
    endedIlos: notified.filter((s) => s.end).length,
    drafts: plan.secondments.length - notified.length,
    activities: plan.activities.length,
    arrangements: plan.arrangements.length,
    designations: plan.designations.length,
    contributions: plan.contributions.length,
    contributionsSubmitted: plan.contributions.filter((c) => c.submittedAt).length,
    contributionBytes: plan.contributions.reduce((sum, c) => sum + bytes(c.values), 0),
    semesters: [...plan.semesters.closed, plan.semesters.closing],
  };
}

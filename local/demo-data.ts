/**
 * Demo data for `npm start`: about forty notified secondments of ten states in thirteen host
 * countries, some planned, some active, some ended; activities of the busiest networks this semester
 * and the last; two arrangements. Written through the same use cases as the API
 * (so versions, feed and audit are complete) and only once per data folder.
 */

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { saveContribution, submitContribution } from '#functions/contributions/contribution-service.ts';
import { dynamo, tableName } from '#functions/lib/aws.ts';
import type { Caller } from '#functions/lib/caller.ts';
import { acceptArrangement, proposeArrangement } from '#functions/networks/arrangement-service.ts';
import { NetworkRepository } from '#functions/networks/network-repository.ts';
import { listNetworks, recordActivity } from '#functions/networks/network-service.ts';
import { createPerson, type SystemActor } from '#functions/people/people-service.ts';
import {
  createSecondment,
  endSecondment,
  notifySecondment,
} from '#functions/secondments/secondment-service.ts';
import { addMonths } from '#shared/dates.ts';
import { membersInSemester } from '#shared/networks.ts';
import { countryName } from '#shared/reference/countries.ts';
import type { OrganisationCode } from '#shared/reference/organisations.ts';
import type { StateCode } from '#shared/reference/states.ts';
import { currentReportTemplateVersion } from '#shared/report-templates.ts';
import type { MissionType, SecondmentTask } from '#shared/secondments.ts';
import { brusselsDate, previousSemesterId, semester, semesterIdAt } from '#shared/semesters.ts';

const states: { code: OrganisationCode; authority: string; language: string; officers: string[] }[] = [
  {
    code: 'DE',
    authority: 'Bundespolizei',
    language: 'de',
    officers: ['Jonas Becker', 'Lena Hoffmann', 'Felix Wagner', 'Marie Schulz'],
  },
  {
    code: 'FR',
    authority: 'Direction centrale de la police aux frontières',
    language: 'fr',
    officers: ['Camille Martin', 'Louis Bernard', 'Chloé Dubois', 'Hugo Moreau'],
  },
  {
    code: 'NL',
    authority: 'Koninklijke Marechaussee',
    language: 'nl',
    officers: ['Daan de Vries', 'Sanne Jansen', 'Lotte Bakker', 'Ruben Visser'],
  },
  {
    code: 'BE',
    authority: 'Federale Politie / Police fédérale',
    language: 'fr',
    officers: ['Lucas Peeters', 'Emma Maes', 'Noah Jacobs', 'Julie Lambert'],
  },
  {
    code: 'ES',
    authority: 'Policía Nacional',
    language: 'es',
    officers: ['Lucía García', 'Pablo Fernández', 'Marta López', 'Javier Martín'],
  },
  {
    code: 'IT',
    authority: 'Polizia di Stato',
    language: 'it',
    officers: ['Giulia Rossi', 'Marco Russo', 'Chiara Ferrari', 'Luca Esposito'],
  },
  {
    code: 'PL',
    authority: 'Straż Graniczna',
    language: 'pl',
    officers: ['Zofia Kowalska', 'Jakub Nowak', 'Łukasz Wiśniewski', 'Ola Wójcik'],
  },
  {
    code: 'SE',
    authority: 'Polismyndigheten',
    language: 'sv',
    officers: ['Elsa Andersson', 'Oskar Johansson', 'Maja Karlsson', 'Erik Nilsson'],
  },
  {
    code: 'AT',
    authority: 'Bundesministerium für Inneres',
    language: 'de',
    officers: ['Anna Gruber', 'Tobias Huber', 'Sophie Bauer', 'David Steiner'],
  },
  {
    code: 'GR',
    authority: 'Ελληνική Αστυνομία',
    language: 'el',
    officers: ['Eleni Papadopoulou', 'Nikos Georgiou', 'Maria Dimitriou', 'Giorgos Ioannou'],
  },
];

const posts: { hostCountry: string; city: string; coverage: string[]; language: string }[] = [
  { hostCountry: 'TR', city: 'Ankara', coverage: ['GE'], language: 'tr' },
  { hostCountry: 'TR', city: 'Istanbul', coverage: [], language: 'tr' },
  { hostCountry: 'MA', city: 'Rabat', coverage: ['MR'], language: 'ar' },
  { hostCountry: 'SN', city: 'Dakar', coverage: ['GM', 'GN'], language: 'fr' },
  { hostCountry: 'NG', city: 'Lagos', coverage: ['BJ'], language: 'en' },
  { hostCountry: 'UA', city: 'Kyiv', coverage: ['MD'], language: 'uk' },
  { hostCountry: 'PK', city: 'Islamabad', coverage: ['AF'], language: 'ur' },
  { hostCountry: 'CN', city: 'Beijing', coverage: [], language: 'zh' },
  { hostCountry: 'IN', city: 'New Delhi', coverage: ['NP', 'BD'], language: 'hi' },
  { hostCountry: 'EG', city: 'Cairo', coverage: ['SD'], language: 'ar' },
  { hostCountry: 'TN', city: 'Tunis', coverage: ['LY'], language: 'ar' },
  { hostCountry: 'RS', city: 'Belgrade', coverage: ['BA', 'ME'], language: 'sr' },
  { hostCountry: 'LB', city: 'Beirut', coverage: ['JO'], language: 'ar' },
];

const missions: MissionType[] = [
  'embassy',
  'embassy',
  'consulate',
  'host_authority',
  'international_organisation',
];
const taskSets: SecondmentTask[][] = [
  ['flows', 'routes', 'smuggling'],
  ['document_fraud', 'assistance'],
  ['flows', 'trends', 'return'],
  ['smuggling', 'document_fraud', 'return'],
  ['flows', 'routes', 'smuggling', 'trends', 'document_fraud', 'assistance', 'return'],
];

const MARKER = { pk: 'DEMO', sk: 'SECONDMENTS' };

/** The people of each demo state's directory: its coordinator, an editor and a reader. */
const demoStaff: Record<string, [coordinator: string, editor: string, reader: string]> = {
  DE: ['Katrin Vogel', 'Stefan Braun', 'Jana Roth'],
  FR: ['Isabelle Laurent', 'Thomas Girard', 'Manon Roux'],
  NL: ['Eva Smit', 'Bram Mulder', 'Fleur de Boer'],
  BE: ['Sarah Claes', 'Thomas Wouters', 'Laura Dupont'],
  ES: ['Carmen Ruiz', 'Diego Torres', 'Elena Navarro'],
  IT: ['Francesca Romano', 'Alessandro Conti', 'Sara Greco'],
  PL: ['Anna Lewandowska', 'Piotr Kaminski', 'Magda Zielinska'],
  SE: ['Karin Lindqvist', 'Johan Berg', 'Sofia Ek'],
  AT: ['Birgit Mayer', 'Florian Wimmer', 'Lisa Moser'],
  GR: ['Katerina Nikolaou', 'Dimitris Pappas', 'Sofia Vlachou'],
};
const staffRoles = ['coordinator', 'editor', 'reader'] as const;

/** `Katrin Vogel` of DE -> `katrin.vogel@de.demo.ilo-network.example`. */
export const demoStaffEmail = (name: string, state: string) =>
  `${name
    .normalize('NFD')
    .replace(/[^A-Za-z ]/g, '')
    .trim()
    .toLowerCase()
    .replace(/ +/g, '.')}@${state.toLowerCase()}.demo.ilo-network.example`;

const DEMO_DATA_ACTOR: SystemActor = {
  system: { subject: 'demo-data', organisation: 'LOCAL', role: 'demo-data' },
};

/** A few people per demo state in the directory, to sign in with by e-mail and to manage. */
async function seedDemoPeople(now: Date): Promise<void> {
  for (const [state, names] of Object.entries(demoStaff)) {
    for (const [i, name] of names.entries()) {
      await createPerson(
        DEMO_DATA_ACTOR,
        {
          organisation: state as OrganisationCode,
          role: staffRoles[i] as (typeof staffRoles)[number],
          name,
          email: demoStaffEmail(name, state),
          language: state === 'FR' || state === 'BE' ? 'fr' : 'en',
        },
        now,
      );
    }
  }
}

export async function hasDemoData(): Promise<boolean> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: MARKER }));
  return Item !== undefined;
}

/** Seeds the demo secondments unless this table already has them. Answers how many it wrote. */
export async function seedDemoSecondments(now: Date): Promise<number> {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...MARKER, entityType: 'DemoMarker', at: now.toISOString() },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return 0;
    throw error;
  }
  const today = brusselsDate(now);
  let written = 0;
  for (let i = 0; i < 40; i++) {
    const state = states[i % states.length] as (typeof states)[number];
    const post = posts[(i * 7) % posts.length] as (typeof posts)[number];
    const caller: Caller = {
      subject: `demo-${state.code.toLowerCase()}`,
      organisation: state.code,
      role: 'editor',
      name: 'Demo data',
    };
    // A spread of phases: a quarter planned, a quarter ended, the rest active.
    const kind = i % 4 === 0 ? 'planned' : i % 4 === 1 ? 'ended' : 'active';
    const startDate = kind === 'planned' ? addMonths(today, 1 + (i % 5)) : addMonths(today, -(6 + (i % 30)));
    const draft = await createSecondment(
      caller,
      {
        hostCountry: post.hostCountry,
        post: { city: post.city, mission: missions[i % missions.length] as MissionType },
        authority: state.authority,
        officer: {
          name: state.officers[Math.floor(i / states.length) % state.officers.length] as string,
          email: `ilo.${post.hostCountry.toLowerCase()}.${state.code.toLowerCase()}${i}@example.eu`,
        },
        startDate,
        ...(kind === 'active' && i % 3 === 0 ? { endDate: addMonths(startDate, 48) } : {}),
        tasks: taskSets[i % taskSets.length] as SecondmentTask[],
        taskDescription: `Liaison with the ${post.city} authorities on irregular migration towards the EU; advice to carriers and consular staff.`,
        regionalCoverage: post.coverage,
        languages: [...new Set([state.language, 'en', post.language])],
      },
      now,
    );
    const notified = await notifySecondment(caller, draft.id, draft.version, now);
    if (kind === 'ended') {
      await endSecondment(
        caller,
        draft.id,
        { version: notified.version, endDate: addMonths(startDate, 3) },
        now,
      );
    }
    written += 1;
  }
  const busiest = await seedDemoNetworkActivity(now);
  await seedDemoContributions(busiest, now);
  await seedDemoPeople(now);
  return written;
}

const demoValues = (hostCode: string, state: string, n: number) => {
  const host = countryName(hostCode);
  return {
    'A2.text': `The ILOs of ${state} in ${host} met their counterparts weekly and shared alerts on forged documents with the network.`,
    'A9.text': 'Access to the airport transit area remains difficult for some ILOs.',
    'B1.flows': [
      {
        nationality: hostCode,
        originOrTransit: 'origin',
        estimatedVolume: 1200 + n * 37,
        trend: n % 2 ? 'increasing' : 'stable',
      },
      { nationality: 'SY', originOrTransit: 'transit', estimatedVolume: 300 + n * 11, trend: 'decreasing' },
    ],
    'B1.text': `Departures from ${host} towards the EU continued; transit of third-country nationals by air decreased.`,
    'B4.text':
      'Visa liberalisation in a neighbouring country opened a new air route; the network follows it closely.',
    'B5.fraud': [{ documentType: 'passport', issuingCountry: hostCode, fraudType: 'forged', cases: 5 + n }],
    'C.personsNotBoarded': 10 + n,
    'C.fraudulentDocuments': 20 + 2 * n,
    'C.returnsFacilitated': n,
    'C.trainingSessions': 1 + (n % 3),
    'C.trainingParticipants': 15 + n,
    'C.meetings': 3,
  };
};

/**
 * The previous semester: every member of the first networks submitted, only some in the others;
 * the current one: a few drafts. (Written before the local scheduler closes the previous semester.)
 */
async function seedDemoContributions(networks: { id: string }[], now: Date): Promise<void> {
  const currentId = semesterIdAt(now);
  const previousId = previousSemesterId(currentId);
  let n = 0;
  for (const [index, network] of networks.entries()) {
    const postings = await NetworkRepository.postings(network.id);
    const host = countryName(network.id);
    const previousMembers = membersInSemester(postings, previousId).map((m) => m.state);
    // Everyone in the first three networks; only the first member elsewhere, so the others are missing.
    const submitting = index < 3 ? previousMembers : previousMembers.slice(0, 1);
    for (const state of submitting) {
      n += 1;
      const saved = await saveContribution(
        demoCaller(state, 'editor'),
        previousId,
        network.id,
        state,
        {
          templateVersion: currentReportTemplateVersion,
          version: 0,
          values: demoValues(network.id, countryName(state), n),
        },
        now,
      );
      await submitContribution(
        demoCaller(state, 'coordinator'),
        previousId,
        network.id,
        state,
        saved.version,
        now,
      );
    }
    const [firstNow] = membersInSemester(postings, currentId).map((m) => m.state);
    if (firstNow && index % 2 === 0) {
      await saveContribution(
        demoCaller(firstNow, 'editor'),
        currentId,
        network.id,
        firstNow,
        {
          templateVersion: currentReportTemplateVersion,
          version: 0,
          values: { 'A2.text': `Draft: exchanges of the ILOs in ${host} so far this semester.` },
        },
        now,
      );
    }
  }
}

function demoCaller(state: string, role: Caller['role']): Caller {
  return {
    subject: `demo-${state.toLowerCase()}-${role}`,
    organisation: state as OrganisationCode,
    role,
    name: 'Demo data',
  };
}

/** Activities in the busiest networks, this semester and the last, and two arrangements. */
async function seedDemoNetworkActivity(now: Date): Promise<{ id: string }[]> {
  const currentId = semesterIdAt(now);
  const previousId = previousSemesterId(currentId);
  const { items } = await listNetworks(now);
  const busiest = items
    .filter((n) => n.kind === 'country' && n.members.length >= 2)
    .sort((a, b) => b.members.length - a.members.length || a.id.localeCompare(b.id))
    .slice(0, 6);
  const writer = (state: string, role: Caller['role'] = 'editor') => demoCaller(state, role);
  for (const network of busiest) {
    const postings = await NetworkRepository.postings(network.id);
    for (const semesterId of [previousId, currentId]) {
      const members = membersInSemester(postings, semesterId).map((m) => m.state);
      const [first, second] = members;
      if (!first || !second) continue;
      const { start } = semester(semesterId);
      const dateIn = (days: number) => {
        // Never in the future: an activity is recorded after it took place.
        const date = addDays(start, days);
        const today = brusselsDate(now);
        if (date > today) return today;
        return date;
      };
      const host = countryName(network.id);
      await recordActivity(
        writer(first),
        network.id,
        'meeting',
        {
          date: dateIn(40),
          convenedBy: first as StateCode,
          participants: members as StateCode[],
          commissionPresent: true,
          ebcgPresent: semesterId === currentId,
          ...(semesterId === currentId
            ? {}
            : { absenceReason: "The agency's liaison officer was on a joint operation." }),
          topics: ['Irregular migration flows', 'Document fraud trends'],
          summary: `Regular meeting of the ILO network in ${host}: exchange of information on flows and routes, preparation of the semester report.`,
        },
        now,
      );
      await recordActivity(
        writer(second),
        network.id,
        'training',
        {
          date: dateIn(60),
          kind: 'consular_staff_training',
          organisers: [second],
          participantCount: 14,
          topics: ['Detecting forged travel documents'],
          summary: `Training for the consular staff of the member states' missions in ${host}.`,
        },
        now,
      );
      await recordActivity(
        writer(first),
        network.id,
        'carrier_position',
        {
          date: dateIn(75),
          carriers: ['National carrier', 'Regional airline'],
          states: [first, second] as StateCode[],
          position: 'Common advice to carriers on document checks at boarding for flights to the EU.',
        },
        now,
      );
      await recordActivity(
        writer(second),
        network.id,
        'contact',
        {
          date: dateIn(90),
          counterpartType: 'international_organisation',
          counterpart: 'International Organization for Migration',
          summary: 'Exchange on assisted voluntary return programmes.',
        },
        now,
      );
    }
  }
  const withThree = busiest.find((n) => n.members.length >= 3);
  const withTwo = busiest.find((n) => n !== withThree);
  if (withTwo) {
    const [a, b] = withTwo.members.map((m) => m.state);
    if (a && b) {
      const proposed = await proposeArrangement(
        writer(a, 'coordinator'),
        {
          kind: 'representation',
          parties: [a, b] as StateCode[],
          hostCountries: [withTwo.id],
          scope: `The ILO of ${countryName(a)} also looks after the interests of ${countryName(b)} for visa fraud cases.`,
          validFrom: semester(currentId).start,
        },
        now,
      );
      await acceptArrangement(writer(b, 'coordinator'), proposed.id, proposed.version, now);
    }
  }
  if (withThree) {
    const parties = withThree.members.slice(0, 3).map((m) => m.state);
    await proposeArrangement(
      writer(parties[0] as string, 'coordinator'),
      {
        kind: 'task_sharing',
        parties: parties as StateCode[],
        hostCountries: [withThree.id],
        scope: 'Shared monitoring of smuggling routes; one joint monthly report to the network.',
        validFrom: semester(currentId).start,
      },
      now,
    );
  }
  return busiest;
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

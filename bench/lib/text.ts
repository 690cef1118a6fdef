import type { Random } from './random.ts';

/**
 * Narrative text of a realistic length for the report sections: sentences an ILO network would
 * write, with the host country, nationalities, figures and the odd diacritic (the PDF font must
 * carry them), assembled deterministically from the caller's generator.
 */
const openings = [
  'During the semester',
  'In the reporting period',
  'Over the last six months',
  'Since the previous report',
  'As in the previous semester',
  'Following the network meeting',
];

const subjects = [
  'the ILOs posted in {host}',
  'the network in {host}',
  'the liaison officers of {state}',
  'the member states present in {host}',
  'the consular sections of the member states',
  'the host authorities',
  'the border police at the international airport',
];

const verbs = [
  'observed',
  'reported',
  'exchanged information on',
  'followed closely',
  'discussed with the host authorities',
  'documented',
  'raised with the carriers',
];

const objects = [
  'an increase of departures of {nationality} nationals by air towards the Schengen area',
  'the use of forged residence permits issued in the name of {stateName}',
  'new smuggling routes through {transit} and the Western Balkans',
  'a decrease of irregular departures by sea after stricter controls on the coast',
  'the misuse of tourist visas by travellers who then applied for asylum on arrival',
  'about {n} cases of impostors using genuine passports of relatives',
  'the activity of facilitators advertising "guaranteed" visas on social media',
  'the return of {n} nationals under the readmission arrangement',
  'the training needs of airline staff at check-in and boarding',
  'transit passengers without visas who missed their connecting flights on purpose',
];

const closings = [
  'The network agreed to share alerts within 24 hours.',
  'A joint assessment will be prepared for the next meeting.',
  'The Commission and the EBCG Agency were informed.',
  'No change of trend is expected for the coming months.',
  'Figures are estimates by the host authorities and remain to be confirmed.',
  'The ILOs will coordinate their advice to the carriers accordingly.',
  'Cooperation with the host authorities remained good.',
];

// Place names with diacritics and non-Latin letters, as the reports must render them.
const transits = ['Türkiye', 'Niš', 'Skopje', 'Tiranë', 'Ελλάδα', 'България', 'Malmö', 'Łódź', 'Žilina'];
const nationalities = [
  'Syrian',
  'Afghan',
  'Pakistani',
  'Bangladeshi',
  'Moroccan',
  'Nigerian',
  'Iraqi',
  'Eritrean',
];

export interface TextContext {
  host: string;
  state: string;
  stateName: string;
}

function fill(template: string, random: Random, context: TextContext): string {
  if (!template.includes('{')) return template;
  return template
    .replaceAll('{host}', context.host)
    .replaceAll('{state}', context.state)
    .replaceAll('{stateName}', context.stateName)
    .replaceAll('{transit}', random.pick(transits))
    .replaceAll('{nationality}', random.pick(nationalities))
    .replaceAll('{n}', String(random.int(3, 480)));
}

function sentence(random: Random, context: TextContext): string {
  if (random.chance(0.2)) return random.pick(closings);
  const text = `${random.pick(openings)}, ${random.pick(subjects)} ${random.pick(verbs)} ${random.pick(objects)}.`;
  return fill(text, random, context);
}

/** Paragraphs of about `bytes` bytes of UTF-8 (never more than `max` characters). */
export function narrative(random: Random, bytes: number, context: TextContext, max = 20_000): string {
  const paragraphs: string[] = [];
  let paragraph: string[] = [];
  let size = 0;
  while (size < bytes) {
    const next = sentence(random, context);
    paragraph.push(next);
    size += Buffer.byteLength(next) + 1;
    if (paragraph.length >= random.int(4, 7)) {
      paragraphs.push(paragraph.join(' '));
      paragraph = [];
      size += 1;
    }
  }
  if (paragraph.length) paragraphs.push(paragraph.join(' '));
  return paragraphs.join('\n\n').slice(0, max);
}

/** One short line, for topics, carriers and titles. */
export function shortLine(random: Random, context: TextContext): string {
  return fill(random.pick(objects), random, context)
    .replace(/^./, (c) => c.toUpperCase())
    .slice(0, 200);
}

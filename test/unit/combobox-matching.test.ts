import { describe, expect, it } from 'vitest';
import { allCountryCodes, countryName } from '#shared/reference/countries.ts';
import {
  arrowedIndex,
  matchingOptions,
  normalise,
  type SearchableOption,
} from '../../web/src/components/form/combobox-matching.ts';

// As the web lists them: sorted by name in the reader's language.
const countries = [
  ['CI', 'Côte d’Ivoire'],
  ['IR', 'Iran'],
  ['KZ', 'Kazakhstan'],
  ['TR', 'Türkiye'],
  ['TM', 'Turkmenistan'],
  ['TV', 'Tuvalu'],
].map(([value = '', label = '']) => ({ value, label, key: normalise(label) }));
const labels = (query: string) => matchingOptions(countries, query).map((option) => option.label);

describe('the options a combobox shows for what was typed', () => {
  it('puts the name typed in full first, then names starting with it, then names containing it', () => {
    expect(labels('tur')).toEqual(['Türkiye', 'Turkmenistan']);
    expect(labels('turkmenistan')).toEqual(['Turkmenistan']);
    expect(labels('an')).toEqual(['Iran', 'Kazakhstan', 'Turkmenistan']);
    expect(labels('ka')).toEqual(['Kazakhstan']);
    expect(labels('k')).toEqual(['Kazakhstan', 'Türkiye', 'Turkmenistan']);
  });

  it('puts an option whose code was typed first', () => {
    expect(labels('tm')).toEqual(['Turkmenistan']);
    expect(labels('ir')).toEqual(['Iran', 'Côte d’Ivoire']);
  });

  it('ignores accents and case', () => {
    expect(labels('COTE')).toEqual(['Côte d’Ivoire']);
    expect(labels('TÜRK')).toEqual(['Türkiye', 'Turkmenistan']);
  });

  it('shows every option when nothing is typed', () => {
    expect(labels('  ')).toHaveLength(countries.length);
  });
});

/** Every country, named and sorted as the web app lists them in a locale (web/src/lib/name-lists.ts). */
function countryOptions(locale: string): SearchableOption[] {
  const collator = new Intl.Collator(locale);
  return allCountryCodes
    .map((code) => ({ value: code, label: countryName(code, locale) }))
    .sort((a, b) => collator.compare(a.label, b.label))
    .map((option) => ({ ...option, key: normalise(option.label) }));
}

/** The keys the hint gives: type part of the name, Down, Enter. Returns the option picked. */
function typeDownEnter(options: readonly SearchableOption[], typed: string): string | undefined {
  const visible = matchingOptions(options, typed);
  // Typing suggests the first match (index 0); the list would move the highlight on to index 1.
  const index = arrowedIndex(true, 'down', 1, visible.length);
  return visible[index]?.label;
}

describe('the country box, as people use it (issue #15)', () => {
  const english = countryOptions('en-GB');
  const french = countryOptions('fr-FR');
  const names = (options: readonly SearchableOption[], typed: string) =>
    matchingOptions(options, typed).map((option) => option.label);

  it('lists the leading matches first, sorted by name, in English and French', () => {
    expect(names(english, 'tur')).toEqual(['Türkiye', 'Turkmenistan', 'Turks & Caicos Islands']);
    expect(names(french, 'tur')).toEqual(['Turkménistan', 'Turquie', 'Îles Turques-et-Caïques']);
    expect(names(french, 'turq')).toEqual(['Turquie', 'Îles Turques-et-Caïques']);
    expect(names(french, 'turquie')[0]).toBe('Turquie');
  });

  it('puts names with a word starting with the text before names merely containing it', () => {
    expect(names(english, 'guinea')).toEqual([
      'Guinea',
      'Guinea-Bissau',
      'Equatorial Guinea',
      'Papua New Guinea',
    ]);
    expect(names(french, 'ivoire')).toEqual(['Côte d’Ivoire']);
  });

  it('picks the best match with "type, Down, Enter", as the hint says', () => {
    expect(typeDownEnter(english, 'tur')).toBe('Türkiye');
    expect(typeDownEnter(english, 'türkiye')).toBe('Türkiye');
    expect(typeDownEnter(french, 'turq')).toBe('Turquie');
    expect(typeDownEnter(french, 'tur')).toBe('Turkménistan');
  });

  it('moves on through the list once an option is arrowed to; Up from a suggestion goes to the last', () => {
    expect(arrowedIndex(false, 'down', 2, 3)).toBe(2);
    expect(arrowedIndex(false, 'up', 0, 3)).toBe(0);
    expect(arrowedIndex(true, 'up', -1, 3)).toBe(2);
  });
});

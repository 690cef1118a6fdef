import { describe, expect, it } from 'vitest';
import { matchingOptions, normalise } from '../../web/src/components/form/combobox-matching.ts';

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

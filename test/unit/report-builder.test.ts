import { describe, expect, it } from 'vitest';
import { buildReport } from '../../functions/reports/report-builder.ts';
import { reportInputs as inputs } from '../fixtures/report-inputs.ts';

const report = buildReport(inputs);
const section = (id: string) => report.sections.find((s) => s.id === id);

describe('the semester report of a network', () => {
  it('has the header: drafting state and why, composition without names, participation, marking', () => {
    expect(report).toMatchObject({
      classification: 'LIMITE',
      templateVersion: 1,
      semester: { id: '2026-H1', start: '2026-01-01', end: '2026-06-30' },
      drafting: { state: 'DE', reason: 'fallback' },
    });
    expect(report.composition).toEqual([
      { state: 'DE', ilos: 3, posts: 2 },
      { state: 'FR', ilos: 1, posts: 1 },
      { state: 'GR', ilos: 1, posts: 1 },
    ]);
    expect(report.participation).toEqual({
      meetings: 1,
      commissionPresent: 1,
      ebcgPresent: 0,
      absenceReasons: ['Operational security'],
    });
  });

  it('merges narratives under each heading with the contributing state named, in state order', () => {
    expect(section('A2')?.narratives[0]?.entries).toEqual([
      { state: 'DE', text: 'German exchanges.' },
      { state: 'FR', text: 'Texte français: Ελλάδα, България, Č, ł, Ő.' },
    ]);
    expect(JSON.stringify(report)).not.toContain('Unsubmitted draft');
  });

  it('merges tables with a state column and totals the counts', () => {
    const flows = section('B1')?.tables[0];
    expect(flows?.rows).toHaveLength(3);
    expect(flows?.rows[0]).toMatchObject({ state: 'DE', nationality: 'AF' });
    expect(flows?.totals).toEqual({ estimatedVolume: 400 });
  });

  it('sums the figures with the per-state breakdown', () => {
    const notBoarded = section('C')?.figures.find((f) => f.fieldId === 'C.personsNotBoarded');
    expect(notBoarded).toMatchObject({ total: 14, byState: { DE: 10, FR: 4 } });
  });

  it('feeds the record sections from the network records', () => {
    expect(section('A1')?.records[0]?.text).toContain(
      'Commission present, EBCG Agency absent (reason: Operational security)',
    );
    expect(section('A7')?.records[0]?.text).toContain('Representation between Germany, France (in effect)');
  });

  it('lists in the annex who contributed, who did not, and who was late', () => {
    expect(report.annex).toEqual({ contributed: ['DE', 'FR'], missing: ['GR'], late: ['FR'] });
  });
});

import { describe, expect, it } from 'vitest';
import { buildReport, type ReportInputs } from '../../functions/reports/report-builder.ts';

const inputs: ReportInputs = {
  classification: 'LIMITE',
  version: 1,
  generatedAt: '2026-07-01T00:05:00.000Z',
  network: { id: 'TR', kind: 'country', hostCountries: ['TR'] },
  semesterId: '2026-H1',
  drafting: { state: 'DE', reason: 'fallback' },
  expected: ['DE', 'FR', 'GR'],
  postings: [
    { secondmentId: '1', state: 'DE', hostCountry: 'TR', startDate: '2025-01-01', city: 'Ankara' },
    { secondmentId: '2', state: 'DE', hostCountry: 'TR', startDate: '2025-01-01', city: 'Istanbul' },
    { secondmentId: '3', state: 'DE', hostCountry: 'TR', startDate: '2025-05-01', city: 'Istanbul' },
    { secondmentId: '4', state: 'FR', hostCountry: 'TR', startDate: '2026-03-01', city: 'Ankara' },
    {
      secondmentId: '5',
      state: 'GR',
      hostCountry: 'TR',
      startDate: '2024-01-01',
      endDate: '2026-02-01',
      city: 'Izmir',
    },
    {
      secondmentId: '6',
      state: 'IT',
      hostCountry: 'TR',
      startDate: '2024-01-01',
      endDate: '2025-06-30',
      city: 'Izmir',
    },
  ],
  activities: [
    {
      kind: 'meeting',
      recordedBy: 'DE',
      fields: {
        date: '2026-03-10',
        convenedBy: 'CY',
        participants: ['DE', 'FR'],
        commissionPresent: true,
        ebcgPresent: false,
        absenceReason: 'Operational security',
        topics: ['Routes'],
        summary: 'Quarterly meeting.',
      },
    },
  ],
  arrangements: [
    {
      kind: 'representation',
      parties: ['DE', 'FR'],
      scope: 'Visa fraud cases',
      validFrom: '2026-01-01',
      status: 'in_effect',
    },
  ],
  contributions: [
    {
      state: 'FR',
      status: 'submitted',
      late: true,
      templateVersion: 1,
      values: {
        'A2.text': 'Texte français: Ελλάδα, България, Č, ł, Ő.',
        'B1.flows': [
          { nationality: 'SY', originOrTransit: 'transit', estimatedVolume: 100, trend: 'stable' },
        ],
        'C.personsNotBoarded': 4,
        'C.meetings': 1,
      },
    },
    {
      state: 'DE',
      status: 'submitted',
      late: false,
      templateVersion: 1,
      values: {
        'A2.text': 'German exchanges.',
        'B1.flows': [
          { nationality: 'AF', originOrTransit: 'transit', estimatedVolume: 250, trend: 'increasing' },
          { nationality: 'TR', originOrTransit: 'origin', estimatedVolume: 50, trend: 'stable' },
        ],
        'C.personsNotBoarded': 10,
        'C.meetings': 2,
      },
    },
    {
      state: 'GR',
      status: 'draft',
      late: false,
      templateVersion: 1,
      values: { 'A2.text': 'Unsubmitted draft' },
    },
  ],
};

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

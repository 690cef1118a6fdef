import { describe, expect, it } from 'vitest';
import { buildReport } from '../../functions/reports/report-builder.ts';
import {
  brusselsTimeText,
  cellText,
  counted,
  dateText,
  organisationText,
} from '../../functions/reports/report-text.ts';
import { lateStates } from '../../shared/contributions.ts';
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
    // Late as the semester page says it (lateStates): FR submitted late, GR not by the close.
    expect(report.annex).toEqual({ contributed: ['DE', 'FR'], missing: ['GR'], late: ['FR', 'GR'] });
  });
});

describe('the report in words', () => {
  it('writes dates, the generation time in Brussels, plurals and organisations as people do', () => {
    expect(dateText('2026-03-03')).toBe('3 March 2026');
    expect(brusselsTimeText('2026-12-03T16:14:19.170Z')).toBe('3 December 2026, 17:14 (Brussels time)');
    expect(brusselsTimeText('2026-07-01T00:05:00Z')).toBe('1 July 2026, 02:05 (Brussels time)');
    expect(counted(1, 'ILO')).toBe('1 ILO');
    expect(counted(2, 'ILO')).toBe('2 ILOs');
    expect(organisationText('DE')).toBe('Germany');
    expect(organisationText('EBCG')).toBe('European Border and Coast Guard Agency');
    expect(cellText('choice', 'fraudulently_obtained')).toBe('Fraudulently obtained');
    expect(cellText('count', 6480)).toBe('6,480');
  });

  it('names the organisers of a training, never their codes', () => {
    const withTraining = buildReport({
      ...inputs,
      activities: [
        {
          kind: 'training',
          recordedBy: 'DE',
          fields: {
            date: '2026-03-03',
            kind: 'joint_training',
            organisers: ['DE', 'EC'],
            participantCount: 1,
            topics: ['Document checks'],
          },
        },
      ],
    });
    const record = withTraining.sections.find((s) => s.id === 'A4')?.records[0];
    expect(record?.text).toContain('organised by Germany, European Commission; 1 participant.');
  });

  it('calls late what the semester page calls late, with the one shared definition', () => {
    expect(
      lateStates({ expected: inputs.expected, contributions: inputs.contributions, closed: true }),
    ).toEqual(report.annex.late);
  });
});

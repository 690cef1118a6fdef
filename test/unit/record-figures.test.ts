import { describe, expect, it } from 'vitest';
import { contributionValuesSchema } from '#shared/contributions.ts';
import {
  isComputedFigure,
  recordFigure,
  reportTemplateV1,
  type TemplateField,
  templateFields,
  withComputedFigures,
} from '#shared/report-templates.ts';

const field = (id: string): TemplateField => {
  const found = templateFields(reportTemplateV1).find((f) => f.id === id);
  if (!found) throw new Error(id);
  return found;
};

/** Records as a contribution carries them: activities keep what was recorded under `fields`. */
const records = {
  meetings: [
    { id: 'm1', kind: 'meeting', fields: { participants: ['DE', 'FR'] } },
    { id: 'm2', kind: 'meeting', fields: { participants: ['FR'] } },
    { id: 'm3', kind: 'meeting', fields: { participants: ['DE'] } },
  ],
  trainings: [
    { id: 't1', kind: 'training', fields: { participantCount: 12 } },
    { id: 't2', kind: 'training', fields: { participantCount: 30 } },
  ],
};

describe('Part C figures the records give', () => {
  it('counts the meetings the state attended, the trainings, and adds up their participants', () => {
    expect(recordFigure(field('C.meetings'), records, 'DE')).toBe(2);
    expect(recordFigure(field('C.meetings'), records, 'FR')).toBe(2);
    expect(recordFigure(field('C.meetings'), records, 'ES')).toBe(0);
    expect(recordFigure(field('C.trainingSessions'), records, 'DE')).toBe(2);
    expect(recordFigure(field('C.trainingParticipants'), records, 'DE')).toBe(42);
    expect(recordFigure(field('C.returnsFacilitated'), records, 'DE')).toBeUndefined();
    expect(recordFigure(field('C.meetings'), {}, 'DE')).toBe(0);
  });

  it('sets the computed figures whatever was sent, and leaves the editable one as typed', () => {
    const values = withComputedFigures(
      reportTemplateV1,
      { 'C.meetings': 99, 'C.trainingParticipants': 7, 'C.returnsFacilitated': 4 },
      records,
      'DE',
    );
    expect(values).toEqual({
      'C.meetings': 2,
      'C.trainingSessions': 2,
      'C.trainingParticipants': 7,
      'C.returnsFacilitated': 4,
    });
    expect(
      templateFields(reportTemplateV1)
        .filter(isComputedFigure)
        .map((f) => f.id),
    ).toEqual(['C.trainingSessions', 'C.meetings']);
  });

  it('asks nobody for a computed figure: submission does not require it', () => {
    const submission = contributionValuesSchema(reportTemplateV1, 'submission').safeParse({});
    const missing = submission.success ? [] : submission.error.issues.map((issue) => issue.path[0]);
    expect(missing).toContain('C.trainingParticipants');
    expect(missing).not.toContain('C.meetings');
    expect(missing).not.toContain('C.trainingSessions');
  });
});

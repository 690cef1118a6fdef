import { describe, expect, it } from 'vitest';
import { contributionValuesSchema } from '../../shared/contributions.ts';
import { templateFieldTexts } from '../../shared/report-template-texts.ts';
import { isComputedFigure, reportTemplateV1, templateFields } from '../../shared/report-templates.ts';

const fields = templateFields(reportTemplateV1);
const submission = contributionValuesSchema(reportTemplateV1, 'submission');
const draft = contributionValuesSchema(reportTemplateV1, 'draft');

function sampleValue(field: (typeof fields)[number]): unknown {
  if (field.kind === 'narrative') return 'Some text.';
  if (field.kind === 'count') return 0;
  const row = Object.fromEntries(
    field.columns.map((c) => [
      c.id,
      c.type === 'country'
        ? 'TR'
        : c.type === 'count'
          ? 3
          : c.type === 'choice'
            ? c.options?.[0]
            : 'Istanbul',
    ]),
  );
  return [row];
}

const complete = Object.fromEntries(fields.map((f) => [f.id, sampleValue(f)]));

describe('contribution schema derived from template version 1', () => {
  it('accepts a complete contribution for submission, and an empty one as a draft', () => {
    expect(submission.safeParse(complete).success).toBe(true);
    expect(draft.safeParse({}).success).toBe(true);
  });

  it('requires for submission exactly the fields the template requires, both ways', () => {
    for (const field of fields) {
      const { [field.id]: _left, ...without } = complete;
      const result = submission.safeParse(without);
      // A figure the records give is the server's to set: nobody is asked for it.
      const asked = field.requiredForSubmission && !isComputedFigure(field);
      expect(result.success, `${field.id} (requiredForSubmission: ${field.requiredForSubmission})`).toBe(
        !asked,
      );
      if (!result.success) expect(result.error.issues[0]?.path).toEqual([field.id]);
    }
    expect(fields.filter((f) => f.requiredForSubmission).length).toBeGreaterThan(3);
  });

  it('treats blank required text and empty required tables as missing', () => {
    const blanks = { ...complete, 'A2.text': '   ' };
    expect(submission.safeParse(blanks).success).toBe(false);
    expect(draft.safeParse(blanks).success).toBe(true);
  });

  it('checks lengths, table columns and counts, in drafts too', () => {
    const tooLong = { 'A2.text': 'x'.repeat(20_001) };
    expect(draft.safeParse(tooLong).error?.issues[0]?.path).toEqual(['A2.text']);
    const badRow = {
      'B1.flows': [{ nationality: 'ZZ', originOrTransit: 'origin', estimatedVolume: 3, trend: 'stable' }],
    };
    expect(draft.safeParse(badRow).error?.issues[0]?.path).toEqual(['B1.flows', 0, 'nationality']);
    expect(draft.safeParse({ 'C.meetings': -1 }).success).toBe(false);
    expect(draft.safeParse({ 'C.meetings': 1.5 }).success).toBe(false);
    expect(draft.safeParse({ 'X.unknown': 'text' }).success).toBe(false);
  });

  it('has an English and a French label and help text for every field', () => {
    for (const field of fields) {
      for (const locale of ['en', 'fr'] as const) {
        const text = templateFieldTexts[locale][field.id];
        expect(text?.label, `${locale} ${field.id}`).toBeTruthy();
        expect(text?.help, `${locale} ${field.id}`).toBeTruthy();
      }
    }
  });
});

import { isComputedFigure, type ReportTemplate, type TemplateSection } from '#shared/report-templates.ts';
import type { FieldValue, FlatValues } from './form-values.ts';

/**
 * Where a section of the form stands, for the navigator: nothing entered yet (`optional` when the
 * section asks for nothing before submission), started, complete, or holding an entry to correct.
 */
export type SectionState = 'empty' | 'optional' | 'started' | 'complete' | 'toCorrect';

function isFilled(value: FieldValue | undefined): boolean {
  if (Array.isArray(value)) return value.some((row) => Object.values(row).some((cell) => cell.trim() !== ''));
  return typeof value === 'string' && value.trim() !== '';
}

/** One section's state, from the form's values and the fields that have a problem. */
export function sectionStateOf(
  section: TemplateSection,
  values: FlatValues,
  fieldsWithProblems: ReadonlySet<string>,
): SectionState {
  if (section.fields.some((field) => fieldsWithProblems.has(field.id))) return 'toCorrect';
  // The figures computed from the records are always there: they neither start nor complete a section.
  const typed = section.fields.filter((field) => !isComputedFigure(field));
  const required = typed.filter((field) => field.requiredForSubmission);
  const anyFilled = typed.some((field) => isFilled(values[field.id]));
  if (required.length === 0) return anyFilled ? 'complete' : 'optional';
  if (required.every((field) => isFilled(values[field.id]))) return 'complete';
  return anyFilled ? 'started' : 'empty';
}

export function sectionStatesOf(
  template: ReportTemplate,
  values: FlatValues,
  fieldsWithProblems: ReadonlySet<string>,
): Map<string, SectionState> {
  return new Map(
    template.sections.map((section) => [section.id, sectionStateOf(section, values, fieldsWithProblems)]),
  );
}

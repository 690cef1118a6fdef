import { get, set } from 'react-hook-form';
import type { ContributionValues } from '#shared/contributions.ts';
import {
  type ReportTemplate,
  type TemplateField,
  type TemplateSection,
  templateFields,
} from '#shared/report-templates.ts';

/**
 * What the contribution form holds while the person types: strings only ('' for "nothing yet"), so
 * that anything typed, even a half-typed number, is kept as typed, in the form and in this browser.
 * The values the API takes are derived from them (`apiValues`) and checked with the shared schema.
 *
 * Two shapes of the same thing:
 * - `FlatValues`, by field id (`{ 'B1.flows': [...] }`): what is kept in localStorage and compared;
 * - `FormValues`, nested by the id's dot (`{ B1: { flows: [...] } }`): what react-hook-form holds, so
 *   that an error path the server sends (`values.B1.flows.0.nationality`) is a form path as it is.
 */
export type Row = Record<string, string>;
export type FieldValue = string | Row[];
export type FlatValues = Record<string, FieldValue>;
export type FormValues = Record<string, Record<string, FieldValue>>;

export function emptyRow(field: Extract<TemplateField, { kind: 'table' }>): Row {
  return Object.fromEntries(field.columns.map((column) => [column.id, '']));
}

function emptyValue(field: TemplateField): FieldValue {
  return field.kind === 'table' ? [] : '';
}

const text = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
};

function rowOf(field: Extract<TemplateField, { kind: 'table' }>, value: unknown): Row {
  const source = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return Object.fromEntries(field.columns.map((column) => [column.id, text(source[column.id])]));
}

function fieldValueOf(field: TemplateField, value: unknown): FieldValue {
  if (field.kind === 'table') return Array.isArray(value) ? value.map((row) => rowOf(field, row)) : [];
  return text(value);
}

/** The form's values from the API's (a saved contribution) or from storage (anything: it is checked). */
export function flatValuesOf(template: ReportTemplate, values: unknown): FlatValues {
  const source = typeof values === 'object' && values !== null ? (values as Record<string, unknown>) : {};
  return Object.fromEntries(
    templateFields(template).map((field) => [field.id, fieldValueOf(field, source[field.id])]),
  );
}

export function formValuesOf(template: ReportTemplate, flat: FlatValues): FormValues {
  const form: FormValues = {};
  for (const field of templateFields(template))
    set(form, field.id, structuredClone(flat[field.id] ?? emptyValue(field)));
  return form;
}

export function flatValuesOfForm(template: ReportTemplate, form: FormValues): FlatValues {
  return flatValuesOf(
    template,
    Object.fromEntries(templateFields(template).map((field) => [field.id, get(form, field.id)])),
  );
}

/** A typed count: digits (spaces between groups allowed); anything else is NaN, which the schema refuses. */
export function parseCount(typed: string): number | undefined {
  const compact = typed.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return undefined;
  return /^\d+$/.test(compact) ? Number(compact) : Number.NaN;
}

const isEmptyRow = (row: Row) => Object.values(row).every((cell) => cell.trim() === '');

export interface ApiValues {
  values: ContributionValues;
  /**
   * For each table, the form row of each row sent: rows left entirely empty are not sent (an added
   * row not filled in yet must not stop the draft from saving), so indexes may differ.
   */
  rowIndex: Record<string, number[]>;
}

/** The request's `values`: empty fields left out, counts as numbers, empty rows dropped. */
export function apiValues(template: ReportTemplate, flat: FlatValues): ApiValues {
  const values: ContributionValues = {};
  const rowIndex: Record<string, number[]> = {};
  for (const field of templateFields(template)) {
    const value = flat[field.id] ?? emptyValue(field);
    if (field.kind === 'table') {
      const rows = Array.isArray(value) ? value : [];
      const kept = rows.map((row, index) => ({ row, index })).filter(({ row }) => !isEmptyRow(row));
      if (kept.length === 0) continue;
      rowIndex[field.id] = kept.map(({ index }) => index);
      values[field.id] = kept.map(({ row }) =>
        Object.fromEntries(
          field.columns.flatMap((column): [string, string | number][] => {
            const cell = row[column.id] ?? '';
            if (column.type !== 'count') return [[column.id, cell]];
            const count = parseCount(cell);
            return count === undefined ? [] : [[column.id, count]];
          }),
        ),
      );
    } else if (typeof value === 'string') {
      if (field.kind === 'count') {
        const count = parseCount(value);
        if (count !== undefined) values[field.id] = count;
      } else if (value.trim() !== '') {
        values[field.id] = value;
      }
    }
  }
  return { values, rowIndex };
}

/** A stable text of what would be sent: two form states that send the same are the same. */
export function signatureOf(template: ReportTemplate, flat: FlatValues): string {
  return JSON.stringify(apiValues(template, flat).values);
}

/** The fields whose values (as they would be sent) differ. */
export function changedFieldIds(template: ReportTemplate, from: FlatValues, to: FlatValues): string[] {
  const a = apiValues(template, from).values;
  const b = apiValues(template, to).values;
  return templateFields(template)
    .map((field) => field.id)
    .filter((id) => JSON.stringify(a[id] ?? null) !== JSON.stringify(b[id] ?? null));
}

/** `into`, with the given fields taken from `from`: someone's own changes laid over a newer version. */
export function withFields(into: FlatValues, from: FlatValues, ids: readonly string[]): FlatValues {
  const result = structuredClone(into);
  for (const id of ids) result[id] = structuredClone(from[id] ?? '');
  return result;
}

/** The id of the field a path names (`B1.flows.0.nationality` is about `B1.flows`). */
export function fieldOfPath(template: ReportTemplate, path: string): TemplateField | undefined {
  return templateFields(template).find((field) => path === field.id || path.startsWith(`${field.id}.`));
}

/** The sections of each part, in template order: Part A, B, C. */
export function partsOf(template: ReportTemplate): { part: string; sections: TemplateSection[] }[] {
  const parts: { part: string; sections: TemplateSection[] }[] = [];
  for (const section of template.sections) {
    const last = parts.at(-1);
    if (last?.part === section.part) last.sections.push(section);
    else parts.push({ part: section.part, sections: [section] });
  }
  return parts;
}

/** The DOM id of a field's control, or of one cell of a table (`contribution-B1-flows-0-nationality`). */
export function controlId(path: string): string {
  return `contribution-${path.replaceAll('.', '-')}`;
}

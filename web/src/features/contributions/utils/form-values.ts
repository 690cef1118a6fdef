import { get, set } from 'react-hook-form';
import {
  type ContributionValues,
  contributionValuesSchema,
  MAX_UNSETTLED_LENGTH,
  type UnsettledEntries,
} from '#shared/contributions.ts';
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

/**
 * The form's values of a saved contribution: its values, with its unsettled entries put back where
 * they were typed (a table's unsettled rows at their form rows, its valid rows around them in order).
 */
export function flatValuesOfContribution(
  template: ReportTemplate,
  contribution: { values: unknown; unsettled?: UnsettledEntries | undefined },
): FlatValues {
  const flat = flatValuesOf(template, contribution.values);
  const unsettled = Object.entries(contribution.unsettled ?? {});
  if (unsettled.length === 0) return flat;
  for (const field of templateFields(template)) {
    if (field.kind !== 'table') {
      const typed = contribution.unsettled?.[field.id];
      if (typed !== undefined) flat[field.id] = typed;
      continue;
    }
    const rows = new Map<number, Row>();
    for (const [path, typed] of unsettled) {
      if (!path.startsWith(`${field.id}.`)) continue;
      const [row, column] = path.slice(field.id.length + 1).split('.');
      if (!column || !field.columns.some((c) => c.id === column)) continue;
      const index = Number(row);
      if (!Number.isInteger(index) || index < 0 || index >= field.maxRows) continue;
      const cells = rows.get(index) ?? emptyRow(field);
      cells[column] = typed;
      rows.set(index, cells);
    }
    if (rows.size === 0) continue;
    const valid = [...((flat[field.id] as Row[] | undefined) ?? [])];
    const last = Math.max(...rows.keys());
    const merged: Row[] = [];
    for (let index = 0; index <= last || valid.length > 0; index += 1)
      merged.push(rows.get(index) ?? valid.shift() ?? emptyRow(field));
    flat[field.id] = merged;
  }
  return flat;
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

export interface CandidateValues {
  values: ContributionValues;
  /**
   * For each table, the form row of each row sent: rows left entirely empty are not sent (an added
   * row not filled in yet must not stop the draft from saving), so indexes may differ.
   */
  rowIndex: Record<string, number[]>;
}

export interface ApiValues extends CandidateValues {
  /** What is not valid yet, as typed, by form path: sent beside the values, never among them. */
  unsettled: UnsettledEntries;
}

/** All the form holds as the API's values, valid or not: empty fields left out, counts as numbers, empty rows dropped. */
export function candidateValues(template: ReportTemplate, flat: FlatValues): CandidateValues {
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

/**
 * The request: the valid values as they are sent today, and each entry not valid yet (by the shared
 * draft schema) as typed, apart: a field's text, or every filled cell of a table row with a problem
 * (the row is then not among the values). So every entry reaches the server, valid or not.
 */
export function apiValues(template: ReportTemplate, flat: FlatValues): ApiValues {
  const candidate = candidateValues(template, flat);
  const parsed = contributionValuesSchema(template, 'draft').safeParse(candidate.values);
  if (parsed.success) return { ...candidate, unsettled: {} };
  const badFields = new Set<string>();
  const badRows = new Map<string, Set<number>>();
  for (const issue of parsed.error.issues) {
    const [fieldId, sentRow] = issue.path;
    if (typeof fieldId !== 'string') continue;
    if (typeof sentRow === 'number') badRows.set(fieldId, (badRows.get(fieldId) ?? new Set()).add(sentRow));
    else badFields.add(fieldId);
  }
  const values = { ...candidate.values };
  const rowIndex = { ...candidate.rowIndex };
  const unsettled: UnsettledEntries = {};
  for (const field of templateFields(template)) {
    if (field.kind === 'table') {
      const sent = (values[field.id] as ContributionValues[] | undefined) ?? [];
      const formRows = rowIndex[field.id] ?? [];
      // Too many rows: the first ones are kept (the form offers no more).
      const bad = badRows.get(field.id) ?? new Set<number>();
      const kept = sent.map((row, sentRow) => ({ row, sentRow })).filter(({ sentRow }) => !bad.has(sentRow));
      for (const sentRow of bad) {
        const formRow = formRows[sentRow] ?? sentRow;
        const cells = (flat[field.id] as Row[] | undefined)?.[formRow] ?? {};
        for (const column of field.columns) {
          const cell = cells[column.id] ?? '';
          if (cell.trim() !== '')
            unsettled[`${field.id}.${formRow}.${column.id}`] = cell.slice(0, MAX_UNSETTLED_LENGTH);
        }
      }
      const limited = kept.slice(0, field.maxRows);
      if (limited.length === 0) {
        delete values[field.id];
        delete rowIndex[field.id];
      } else if (bad.size > 0 || limited.length < kept.length) {
        values[field.id] = limited.map(({ row }) => row);
        rowIndex[field.id] = limited.map(({ sentRow }) => formRows[sentRow] ?? sentRow);
      }
    } else if (badFields.has(field.id)) {
      const typed = flat[field.id];
      const limit = field.kind === 'narrative' ? field.maxLength * 2 : MAX_UNSETTLED_LENGTH;
      delete values[field.id];
      if (typeof typed === 'string') unsettled[field.id] = typed.slice(0, limit);
    }
  }
  return { values, rowIndex, unsettled };
}

/** A stable text of what would be sent: two form states that send the same are the same. */
export function signatureOf(template: ReportTemplate, flat: FlatValues): string {
  const { values, unsettled } = apiValues(template, flat);
  return JSON.stringify({ values, unsettled });
}

/** The fields whose entries (as they would be sent, valid or not) differ. */
export function changedFieldIds(template: ReportTemplate, from: FlatValues, to: FlatValues): string[] {
  const a = apiValues(template, from);
  const b = apiValues(template, to);
  const entriesOf = ({ values, unsettled }: ApiValues, id: string) =>
    JSON.stringify([
      values[id] ?? null,
      Object.entries(unsettled).filter(([path]) => path === id || path.startsWith(`${id}.`)),
    ]);
  return templateFields(template)
    .map((field) => field.id)
    .filter((id) => entriesOf(a, id) !== entriesOf(b, id));
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

import { type ContributionMode, contributionValuesSchema } from '#shared/contributions.ts';
import type { ReportTemplate, TableColumn, TemplateField } from '#shared/report-templates.ts';
import { apiValues, candidateValues, type FlatValues, fieldOfPath } from './form-values.ts';

/** The kinds of problem the form explains in its own words (`contributions.errors.<type>`). */
export type ProblemType =
  | 'required'
  | 'tooLong'
  | 'atLeastOneRow'
  | 'tooManyRows'
  | 'count'
  | 'countRequired'
  | 'tooLarge'
  | 'chooseCountry'
  | 'chooseOption'
  | 'fillIn'
  | 'server';

export interface Problem {
  /** The form path: a field id (`A2.text`), or a cell (`B1.flows.2.nationality`) with the form's row index. */
  path: string;
  fieldId: string;
  /** For a cell: its row (as the form numbers them, from 0) and column. */
  row?: number;
  column?: TableColumn;
  type: ProblemType;
  /** The limit a message quotes. */
  max?: number;
  /** The server's words, for a problem the form cannot name itself. */
  message?: string;
}

interface Issue {
  code: string;
  path: readonly PropertyKey[];
}

function cellProblemType(column: TableColumn, code: string): { type: ProblemType; max?: number } {
  switch (column.type) {
    case 'country':
      return { type: 'chooseCountry' };
    case 'choice':
      return { type: 'chooseOption' };
    case 'count':
      return { type: code === 'too_big' ? 'tooLarge' : 'count' };
    default:
      return code === 'too_big' ? { type: 'tooLong', max: column.maxLength ?? 500 } : { type: 'fillIn' };
  }
}

function fieldProblemType(field: TemplateField, code: string): { type: ProblemType; max?: number } {
  switch (field.kind) {
    case 'narrative':
      return code === 'too_big' ? { type: 'tooLong', max: field.maxLength } : { type: 'required' };
    case 'table':
      return code === 'too_big' ? { type: 'tooManyRows', max: field.maxRows } : { type: 'atLeastOneRow' };
    case 'count':
      if (code === 'too_big') return { type: 'tooLarge' };
      return code === 'invalid_type' ? { type: 'countRequired' } : { type: 'count' };
  }
}

/**
 * What is wrong with a form state, found by the shared schema the server also applies: as a draft
 * (tables' rows complete, numbers whole, texts within their limits) or for submission (the
 * template's required fields filled in as well). Paths are the form's.
 */
export function problemsOf(template: ReportTemplate, flat: FlatValues, mode: ContributionMode): Problem[] {
  const { values, rowIndex } = candidateValues(template, flat);
  const result = contributionValuesSchema(template, mode).safeParse(values);
  if (result.success) return [];
  return result.error.issues.flatMap((issue) => problemOfIssue(template, rowIndex, issue));
}

function problemOfIssue(
  template: ReportTemplate,
  rowIndex: Record<string, number[]>,
  issue: Issue,
): Problem[] {
  const [fieldId, sentRow, columnId] = issue.path;
  if (typeof fieldId !== 'string') return [];
  const field = template.sections.flatMap((s) => s.fields).find((f) => f.id === fieldId);
  if (!field) return [];
  if (field.kind === 'table' && typeof sentRow === 'number' && typeof columnId === 'string') {
    const column = field.columns.find((c) => c.id === columnId);
    if (!column) return [];
    const row = rowIndex[fieldId]?.[sentRow] ?? sentRow;
    return [
      {
        path: `${fieldId}.${row}.${columnId}`,
        fieldId,
        row,
        column,
        ...cellProblemType(column, issue.code),
      },
    ];
  }
  return [{ path: fieldId, fieldId, ...fieldProblemType(field, issue.code) }];
}

/**
 * The problems a server's 400 names (`values.B1.flows.0.nationality`), in the form's words where the
 * shared schema finds the same problem in what was sent, in the server's otherwise.
 */
export function problemsOfServer(
  template: ReportTemplate,
  sent: FlatValues,
  fields: Readonly<Record<string, string>>,
  mode: ContributionMode,
): { problems: Problem[]; general: string[] } {
  const known = new Map(problemsOf(template, sent, mode).map((problem) => [problem.path, problem]));
  // The server numbers the rows it was sent: the valid ones (see apiValues).
  const { rowIndex } = apiValues(template, sent);
  const problems: Problem[] = [];
  const general: string[] = [];
  const unsettledFields = new Set<string>();
  for (const [serverPath, message] of Object.entries(fields)) {
    if (serverPath.startsWith('unsettled.')) {
      // An entry not valid yet (form path): the form's own problems of that field say what is wrong.
      const field = fieldOfPath(template, serverPath.slice('unsettled.'.length));
      if (!field) general.push(message);
      else if (!unsettledFields.has(field.id)) {
        unsettledFields.add(field.id);
        problems.push(...[...known.values()].filter((problem) => problem.fieldId === field.id));
      }
      continue;
    }
    const path = serverPath.replace(/^values\./, '');
    const field = serverPath.startsWith('values.') ? fieldOfPath(template, path) : undefined;
    if (!field) {
      general.push(message);
      continue;
    }
    // The server numbers the rows it received; the form's may include empty ones it was not sent.
    const rest = path.slice(field.id.length + 1).split('.');
    let formPath = field.id;
    let row: number | undefined;
    let column: TableColumn | undefined;
    if (field.kind === 'table' && rest.length === 2 && /^\d+$/.test(rest[0] ?? '')) {
      const sentRow = Number(rest[0]);
      row = rowIndex[field.id]?.[sentRow] ?? sentRow;
      column = field.columns.find((c) => c.id === rest[1]);
      formPath = `${field.id}.${row}.${rest[1]}`;
    }
    const same = known.get(formPath);
    problems.push(
      same ?? {
        path: formPath,
        fieldId: field.id,
        ...(row !== undefined ? { row } : {}),
        ...(column ? { column } : {}),
        type: 'server',
        message,
      },
    );
  }
  return { problems, general };
}

/**
 * Semester contributions: each state's input to a network's semester report, written against one
 * version of the report template. The zod schema of a contribution's values is derived from the
 * template, for drafts (anything may be empty) and for submission (the template's required fields).
 */
import * as z from 'zod';
import { isCountryCode } from './reference/countries.ts';
import {
  type ReportTemplate,
  reportTemplate,
  type TableColumn,
  type TemplateField,
  templateFields,
} from './report-templates.ts';
import { semesterIdSchema } from './semesters.ts';

export type ContributionMode = 'draft' | 'submission';
export type ContributionValues = Record<string, unknown>;

const MAX_COUNT = 10_000_000;

function columnSchema(column: TableColumn): z.ZodType {
  switch (column.type) {
    case 'country':
      return z.string().refine(isCountryCode, { message: 'Choose a country' });
    case 'count':
      return z
        .number({ message: 'Enter a whole number' })
        .int('Enter a whole number')
        .min(0, 'A count cannot be negative')
        .max(MAX_COUNT);
    case 'choice':
      return z.enum(column.options as [string, ...string[]], { message: 'Choose one of the options' });
    default:
      return z
        .string()
        .trim()
        .min(1, 'Fill this in')
        .max(column.maxLength ?? 500);
  }
}

function fieldSchema(field: TemplateField, mode: ContributionMode): z.ZodType {
  const required = mode === 'submission' && field.requiredForSubmission;
  switch (field.kind) {
    case 'narrative': {
      const text = z.string().max(field.maxLength, `At most ${field.maxLength} characters`);
      return required ? text.trim().min(1, 'Required before submission') : text.optional();
    }
    case 'table': {
      const row = z.strictObject(Object.fromEntries(field.columns.map((c) => [c.id, columnSchema(c)])));
      const rows = z.array(row).max(field.maxRows, `At most ${field.maxRows} rows`);
      return required ? rows.min(1, 'Add at least one row before submission') : rows.optional();
    }
    case 'count': {
      const number = z
        .number({ message: 'Enter a whole number (0 if none)' })
        .int('Enter a whole number')
        .min(0, 'A count cannot be negative')
        .max(MAX_COUNT);
      return required ? number : number.optional();
    }
  }
}

/** The schema of a contribution's values for a template version, as a draft or for submission. */
export function contributionValuesSchema(template: ReportTemplate, mode: ContributionMode) {
  return z.strictObject(
    Object.fromEntries(templateFields(template).map((f) => [f.id, fieldSchema(f, mode)])),
  );
}

/**
 * Entries not valid yet ("fourteen" in a count, "about 300" in a table cell), kept with the draft as
 * typed so that nothing is lost, apart from the values: never in a report or an export, and a
 * contribution with any is not submitted. By form path: a field id (`C.meetings`), or a cell of a
 * table row (`B1.flows.2.estimatedVolume`, the row as the form numbers them; a row with an unsettled
 * entry is kept here whole, its other cells too, and is not among the values).
 */
export type UnsettledEntries = Record<string, string>;
/** At most this many unsettled entries (200 rows of 5 cells). */
export const MAX_UNSETTLED_ENTRIES = 1000;
/** An unsettled cell or count is at most this long; a narrative, twice its limit. */
export const MAX_UNSETTLED_LENGTH = 1000;

/** The longest text an unsettled entry at `path` may hold, or undefined when the path is not the template's. */
export function unsettledLimit(template: ReportTemplate, path: string): number | undefined {
  for (const field of templateFields(template)) {
    if (path === field.id) {
      if (field.kind === 'table') return undefined;
      return field.kind === 'narrative' ? field.maxLength * 2 : MAX_UNSETTLED_LENGTH;
    }
    if (field.kind !== 'table' || !path.startsWith(`${field.id}.`)) continue;
    const [row, column, ...rest] = path.slice(field.id.length + 1).split('.');
    if (rest.length > 0 || !/^\d{1,3}$/.test(row ?? '') || Number(row) >= field.maxRows) return undefined;
    return field.columns.some((c) => c.id === column) ? MAX_UNSETTLED_LENGTH : undefined;
  }
  return undefined;
}

/** The field an unsettled entry belongs to (`B1.flows.2.estimatedVolume`: `B1.flows`). */
export function unsettledFieldId(template: ReportTemplate, path: string): string | undefined {
  return templateFields(template).find((f) => path === f.id || path.startsWith(`${f.id}.`))?.id;
}

const unsettledSchema = z
  .record(z.string().max(200), z.string())
  .refine((entries) => Object.keys(entries).length <= MAX_UNSETTLED_ENTRIES, {
    message: `At most ${MAX_UNSETTLED_ENTRIES} entries to correct`,
  })
  .meta({
    description:
      'Entries not valid yet, as typed, by form path (`C.meetings`, `B1.flows.2.estimatedVolume`): kept with the draft, never among the values or in a report; a contribution with any is not submitted',
  });

/** `PUT …/contributions/{state}`: the draft values, the template version, and the version read (0: new). */
export const contributionDraftSchema = z
  .strictObject({
    templateVersion: z.number().int().positive(),
    version: z.number().int().min(0),
    values: z.record(z.string(), z.unknown()),
    unsettled: unsettledSchema.optional(),
  })
  .superRefine((input, context) => {
    const template = reportTemplate(input.templateVersion);
    if (!template) {
      context.addIssue({ code: 'custom', path: ['templateVersion'], message: 'No such template version' });
      return;
    }
    const parsed = contributionValuesSchema(template, 'draft').safeParse(input.values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        context.addIssue({ code: 'custom', message: issue.message, path: ['values', ...issue.path] });
      }
    }
    for (const [path, typed] of Object.entries(input.unsettled ?? {})) {
      const limit = unsettledLimit(template, path);
      if (limit === undefined)
        context.addIssue({ code: 'custom', path: ['unsettled', path], message: 'No such field or cell' });
      else if (typed.length > limit)
        context.addIssue({
          code: 'custom',
          path: ['unsettled', path],
          message: `At most ${limit} characters`,
        });
      else if (path in input.values)
        context.addIssue({
          code: 'custom',
          path: ['unsettled', path],
          message: 'A field is either among the values or unsettled, not both',
        });
    }
  })
  .meta({ id: 'ContributionDraft' });

export const contributionStatuses = ['empty', 'draft', 'submitted', 'reopened'] as const;
export type ContributionStatus = (typeof contributionStatuses)[number];
export const contributionActions = ['edit', 'submit', 'reopen'] as const;
export type ContributionAction = (typeof contributionActions)[number];

export const contributionSchema = z
  .object({
    semester: z.string(),
    networkId: z.string(),
    state: z.string(),
    templateVersion: z.number().int(),
    values: z.record(z.string(), z.unknown()),
    unsettled: unsettledSchema.optional(),
    status: z.enum(contributionStatuses),
    late: z.boolean(),
    version: z.number().int(),
    savedAt: z.string().optional(),
    submittedAt: z.string().optional(),
    lock: z
      .enum(['semester_closed', 'already_submitted'])
      .optional()
      .meta({ description: 'Why the contribution cannot be edited now, when it cannot' }),
    records: z
      .record(z.string(), z.array(z.unknown()))
      .meta({ description: "The network's records that feed the template's record sections, read-only" }),
    allowed: z.array(z.enum(contributionActions)),
  })
  .meta({ id: 'Contribution' });
export type Contribution = z.infer<typeof contributionSchema>;

export const contributionParams = z.strictObject({
  id: semesterIdSchema,
  net: z.string().regex(/^([A-Z]{2}|R-[a-z0-9-]{2,40})$/, 'A network id is a host country code or R-<name>'),
  state: z.string().regex(/^[A-Z]{2}$/, 'A state code has two capital letters'),
});

export const semesterParams = z.strictObject({
  id: semesterIdSchema,
});

export const semesterSummarySchema = z.object({
  id: z.string(),
  start: z.string(),
  end: z.string(),
  presidency: z.string(),
  status: z.enum(['open', 'closed']),
  closedAt: z.string().optional(),
  daysLeft: z.number().int(),
});

export const semesterListSchema = z
  .object({ items: z.array(semesterSummarySchema) })
  .meta({ id: 'SemesterList' });

export const semesterDetailSchema = semesterSummarySchema
  .extend({
    networks: z.array(
      z.object({
        networkId: z.string(),
        expected: z.array(z.string()),
        submitted: z.array(z.string()),
        drafts: z.array(z.string()),
        late: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'Semester' });

export const outstandingSchema = z
  .object({
    items: z.array(
      z.object({
        semester: z.string(),
        networkId: z.string(),
        status: z.enum(contributionStatuses),
        daysLeft: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'OutstandingContributions' });

/** A state that wrote nothing has no contribution yet: its version is 0, and it may be reopened too. */
export const reopenContributionSchema = z
  .strictObject({ version: z.number().int().min(0) })
  .meta({ id: 'ContributionReopen' });

export const closeSemesterSchema = z
  .strictObject({ force: z.boolean().default(false) })
  .meta({ id: 'CloseSemester' });

/**
 * The states late with their contribution to one network's semester, the one meaning of "late" for
 * the semester page and the report's annex: submitted under an exception (flagged late), or, once
 * the semester is closed, still not submitted.
 */
export function lateStates(input: {
  expected: readonly string[];
  contributions: readonly { state: string; status: string; late: boolean }[];
  closed: boolean;
}): string[] {
  const mine = input.contributions.filter((c) => input.expected.includes(c.state));
  const submitted = new Set(mine.filter((c) => c.status === 'submitted').map((c) => c.state));
  const flagged = new Set(mine.filter((c) => c.late).map((c) => c.state));
  return input.expected
    .filter((state) => flagged.has(state) || (input.closed && !submitted.has(state)))
    .sort();
}

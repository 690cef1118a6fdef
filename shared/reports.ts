/**
 * The semester report of one network, as data (the JSON format); the HTML, PDF and DOCX documents
 * are renderings of it. Built from a snapshot of the inputs at generation time, laid out by the
 * template version the contributions used, with no personal data.
 */
import * as z from 'zod';
import { draftingReasons } from './networks.ts';
import { semesterIdSchema } from './semesters.ts';

const stateText = z.object({ state: z.string(), text: z.string() });

export const reportDocumentSchema = z
  .object({
    templateVersion: z.number().int(),
    classification: z.string(),
    version: z.number().int(),
    generatedAt: z.string(),
    network: z.object({
      id: z.string(),
      kind: z.enum(['country', 'regional']),
      name: z.string().optional(),
      hostCountries: z.array(z.string()),
    }),
    semester: z.object({ id: z.string(), start: z.string(), end: z.string() }),
    drafting: z.object({ state: z.string(), reason: z.enum(draftingReasons) }).nullable(),
    composition: z.array(z.object({ state: z.string(), ilos: z.number().int(), posts: z.number().int() })),
    participation: z.object({
      meetings: z.number().int(),
      commissionPresent: z.number().int(),
      ebcgPresent: z.number().int(),
      absenceReasons: z.array(z.string()),
    }),
    sections: z.array(
      z.object({
        id: z.string(),
        part: z.enum(['A', 'B', 'C']),
        title: z.string(),
        records: z.array(z.object({ date: z.string(), kind: z.string(), by: z.string(), text: z.string() })),
        narratives: z.array(
          z.object({ fieldId: z.string(), label: z.string(), entries: z.array(stateText) }),
        ),
        tables: z.array(
          z.object({
            fieldId: z.string(),
            label: z.string(),
            columns: z.array(z.object({ id: z.string(), type: z.string() })),
            rows: z.array(z.record(z.string(), z.union([z.string(), z.number()]))),
            totals: z.record(z.string(), z.number()),
          }),
        ),
        figures: z.array(
          z.object({
            fieldId: z.string(),
            label: z.string(),
            total: z.number().int(),
            byState: z.record(z.string(), z.number().int()),
          }),
        ),
      }),
    ),
    annex: z.object({
      contributed: z.array(z.string()),
      missing: z.array(z.string()),
      late: z.array(z.string()),
    }),
    assessment: z
      .string()
      .optional()
      .meta({ description: "The drafting state's own assessment, added before finalising" }),
  })
  .meta({ id: 'ReportDocument' });

export type ReportDocument = z.infer<typeof reportDocumentSchema>;
export type ReportSection = ReportDocument['sections'][number];

const reportSummaryShape = {
  semester: z.string(),
  networkId: z.string(),
  version: z.number().int(),
  status: z.enum(['generated', 'finalised']),
  draftingState: z.object({ state: z.string(), reason: z.enum(draftingReasons) }).nullable(),
  generatedAt: z.string(),
  revision: z.number().int().meta({ description: 'Send it back with an assessment or a finalisation' }),
  assessment: z.string().optional(),
  finalisedAt: z.string().optional(),
  allowed: z.array(z.enum(['assess', 'finalise'])),
};

export const reportSummarySchema = z.object(reportSummaryShape).meta({ id: 'ReportSummary' });

export const reportListSchema = z
  .object({
    items: z.array(reportSummarySchema),
    progress: z
      .object({ expected: z.number().int(), generated: z.number().int() })
      .meta({ description: 'After the close: how many network reports are expected and how many are ready' }),
  })
  .meta({ id: 'ReportList' });

export const reportHtmlSchema = z.object({ version: z.number().int(), html: z.string() }).meta({
  id: 'ReportHtml',
  description: 'Show it in a sandboxed frame (no scripts): it is rendered from text the states wrote',
});

export const reportSchema = z
  .object({
    ...reportSummaryShape,
    formats: z
      .object({ json: z.string(), html: z.string(), pdf: z.string(), docx: z.string() })
      .meta({ description: 'Short-lived links to the files' }),
    versions: z.array(
      z.object({
        version: z.number().int(),
        status: z.string(),
        generatedAt: z.string(),
        readable: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'Report' });

export const reportParams = z.strictObject({
  id: semesterIdSchema,
  net: z.string().regex(/^([A-Z]{2}|R-[a-z0-9-]{2,40})$/, 'A network id is a host country code or R-<name>'),
});
export const reportQuerySchema = z.strictObject({ version: z.coerce.number().int().positive().optional() });
/** One file of one version of a report: the lasting address of a download (GET …/files/{version}/{format}). */
export const reportFileParams = reportParams.extend({
  version: z.coerce.number().int().positive(),
  format: z.enum(['json', 'html', 'pdf', 'docx']),
});
/** The answer of a download: a 302 to a fresh short-lived link to the file, also given in the body. */
export const reportFileRedirectSchema = z
  .object({ location: z.string().meta({ description: 'The signed link, as in the Location header' }) })
  .meta({ id: 'ReportFileRedirect' });
export const assessmentSchema = z
  .strictObject({
    assessment: z.string().trim().min(1, 'Write the assessment').max(20_000),
    revision: z.number().int().positive(),
  })
  .meta({ id: 'ReportAssessment' });
export const finaliseSchema = z
  .strictObject({ revision: z.number().int().positive() })
  .meta({ id: 'ReportFinalise' });

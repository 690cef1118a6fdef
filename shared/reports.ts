/**
 * The semester report of one network, as data (the JSON format); the HTML, PDF and DOCX documents
 * are renderings of it. Built from a snapshot of the inputs at generation time, laid out by the
 * template version the contributions used, with no personal data.
 */
import { z } from 'zod';
import { draftingReasons } from './networks.ts';

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
  })
  .meta({ id: 'ReportDocument' });

export type ReportDocument = z.infer<typeof reportDocumentSchema>;
export type ReportSection = ReportDocument['sections'][number];

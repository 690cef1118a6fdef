/**
 * The Commission's annual summary of how the networks developed (Art. 6), drafted from the year's two
 * semester reports: per network and overall, ILOs by state, meetings and trainings, the Part C
 * figures with the change from the previous year, and the list of reports.
 */
import * as z from 'zod';

const figures = z.record(z.string(), z.number().int());

export const annualSummaryDocumentSchema = z
  .object({
    year: z.number().int(),
    version: z.number().int(),
    generatedAt: z.string(),
    classification: z.string(),
    overall: z.object({
      networks: z.number().int(),
      ilosByState: figures,
      meetings: z.number().int(),
      trainings: z.number().int(),
      figures: figures,
      previousYearFigures: figures.nullable(),
      change: figures.nullable(),
    }),
    networks: z.array(
      z.object({
        networkId: z.string(),
        ilosByState: figures,
        meetings: z.number().int(),
        trainings: z.number().int(),
        figures: figures,
      }),
    ),
    reports: z.array(
      z.object({
        semester: z.string(),
        networkId: z.string(),
        version: z.number().int(),
        status: z.string(),
      }),
    ),
  })
  .meta({ id: 'AnnualSummaryDocument' });
export type AnnualSummaryDocument = z.infer<typeof annualSummaryDocumentSchema>;

export const annualSummarySchema = z
  .object({
    year: z.number().int(),
    version: z.number().int(),
    generatedAt: z.string(),
    summary: annualSummaryDocumentSchema,
    formats: z.object({ json: z.string(), html: z.string(), pdf: z.string() }),
  })
  .meta({ id: 'AnnualSummary' });

export const annualSummaryParams = z.strictObject({
  year: z.string().regex(/^\d{4}$/, 'A year such as 2026'),
});

import { z } from 'zod';

/**
 * Configuration, read from the environment once and checked at cold start. Endpoints are set only by
 * the local runtime; on AWS the SDK's defaults apply. Nothing else tells the two runtimes apart.
 */
const configSchema = z.object({
  TABLE_NAME: z.string().min(3, 'TABLE_NAME must name the DynamoDB table'),
  REPORTS_BUCKET: z.string().min(3, 'REPORTS_BUCKET must name the reports bucket'),
  AWS_REGION: z.string().default('eu-west-1'),
  DYNAMODB_ENDPOINT: z.url().optional(),
  S3_ENDPOINT: z.url().optional(),
  APP_VERSION: z.string().default('0.1.0'),
  /** Months after a secondment ends before the officer's name and contact are erased. */
  PERSONAL_DATA_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(24),
});

export type Config = z.infer<typeof configSchema>;

let cached: Config | undefined;

export function config(): Config {
  if (cached) return cached;
  const parsed = configSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}

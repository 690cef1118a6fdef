import * as z from 'zod';

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
  /** The marking printed on every report page (for example LIMITE), set per deployment. */
  REPORT_CLASSIFICATION: z.string().min(1).max(60).default('LIMITE'),
  /** The queue that carries one report-generation message per network; unset: no fan-out. */
  REPORT_QUEUE_URL: z.url().optional(),
  SQS_ENDPOINT: z.url().optional(),
  /** Lifetime of the presigned links to report files. */
  REPORT_LINK_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
  /** The Cognito user pool of the people directory; unset: the local identity provider (the dev login). */
  USER_POOL_ID: z
    .string()
    .regex(/^[\w-]+_[0-9a-zA-Z]+$/, 'USER_POOL_ID must be a Cognito user pool id (eu-west-1_AbC123)')
    .optional(),
  /** Only for tests against a stand-in of the Cognito API. */
  COGNITO_ENDPOINT: z.url().optional(),
  /**
   * The SES (v2) configuration set every message is sent with (its event destination carries bounces
   * and complaints to the sesFeedback job). Set: the mail transport is Amazon SES; unset: not SES.
   */
  SES_CONFIGURATION_SET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'SES_CONFIGURATION_SET must name an SES configuration set')
    .optional(),
  /** Only for tests against a stand-in of the SES v2 API. */
  SES_ENDPOINT: z.url().optional(),
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

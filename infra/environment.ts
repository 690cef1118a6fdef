import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { z } from 'zod';

/** What differs between deployments of the same app: dev, staging, prod, or a developer's own. */
export interface DeploymentEnvironment {
  /** Short lower-case name; part of every stack name (`IloNetwork-<name>-Stateful`). */
  name: string;
  isProduction: boolean;
  /** Target account and region; unset, the CLI's credentials decide (CDK_DEFAULT_ACCOUNT/REGION). */
  account: string | undefined;
  region: string | undefined;
  /** Operational logs only (the audit trail lives in the table), so they need not be kept for ever. */
  logRetention: RetentionDays;
  /** Log groups belong to the stateless stack: kept in production, removed with the stack elsewhere. */
  logRemovalPolicy: RemovalPolicy;
  /**
   * Origins other than the stack's own CloudFront address that serve the web app (a custom domain,
   * or the Vite dev server in `dev`): allowed as sign-in callbacks and, cross-origin, by CORS.
   */
  webOrigins: string[];
  /** Months after a secondment ends before the officer's name and contact are erased. */
  personalDataRetentionMonths: number;
  /** The marking on every report page (default LIMITE). */
  classification: string;
  /** Where alarms are e-mailed; unset, the alarm topic has no subscriber yet (synth warns). */
  alarmEmail: string | undefined;
  /** The Cognito hosted sign-in domain prefix (`<prefix>.auth.<region>.amazoncognito.com`). */
  signInDomainPrefix: string | undefined;
  /** Requests per second the API accepts in steady state, and in a burst, before it answers 429. */
  apiThrottle: { rateLimit: number; burstLimit: number };
  /**
   * The domain the product's e-mail comes from (the SES identity, verified by its DKIM records) and
   * the sender address on it. Default `<name>.ilo-network.example.eu` and `notifications@` it: set
   * both for a deployment that really sends (docs/operations.md).
   */
  mail: { domain: string; fromAddress: string; isDefault: boolean };
}

export const DEFAULT_ENVIRONMENT_NAME = 'dev';
const VITE_DEV_SERVER_ORIGIN = 'http://localhost:5173';

// Stack names, export names and tags are built from it: keep it short and safe everywhere.
const ENVIRONMENT_NAME_PATTERN = /^[a-z][a-z0-9-]{0,15}$/;

const origin = z
  .string()
  .trim()
  .regex(
    /^https?:\/\/[^/\s]+$/,
    'must be an origin such as https://ilo.example.eu (no path, no trailing slash)',
  );

/**
 * The settings one environment may carry: `context.environments.<name>` in cdk.json, each of them
 * overridable on the command line (`-c alarmEmail=ops@example.eu`).
 */
export const environmentSettingsSchema = z
  .object({
    account: z
      .string()
      .regex(/^\d{12}$/, 'must be a 12-digit AWS account id')
      .optional(),
    region: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as eu-west-1')
      .optional(),
    webOrigins: z
      .union([
        z.array(origin),
        // `-c webOrigins=https://a,https://b` arrives as one string.
        z.string().transform((value) =>
          value
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean),
        ),
      ])
      .pipe(z.array(origin))
      .optional(),
    personalDataRetentionMonths: z.coerce
      .number()
      .int('must be a whole number of months')
      .min(1, 'must be from 1 to 120 months')
      .max(120, 'must be from 1 to 120 months')
      .default(24),
    classification: z.string().trim().min(1).max(60).default('LIMITE'),
    alarmEmail: z.email('must be an e-mail address').optional(),
    signInDomainPrefix: z
      .string()
      .regex(
        /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
        'must be lower-case letters, digits and dashes (and may not contain "aws" or "cognito")',
      )
      .refine((prefix) => !/aws|cognito|amazon/.test(prefix), 'may not contain "aws", "amazon" or "cognito"')
      .optional(),
    apiRateLimit: z.coerce.number().int().min(1).max(10_000).default(50),
    apiBurstLimit: z.coerce.number().int().min(1).max(5_000).default(100),
    mailDomain: z
      .string()
      .trim()
      .toLowerCase()
      .regex(
        /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
        'must be a domain name such as ilo-network.example.eu',
      )
      .optional(),
    mailFromAddress: z.email('must be an e-mail address').toLowerCase().optional(),
  })
  .strict();

export type EnvironmentSettings = z.input<typeof environmentSettingsSchema>;

export function deploymentEnvironment(
  name: string,
  settings: EnvironmentSettings = {},
): DeploymentEnvironment {
  if (!ENVIRONMENT_NAME_PATTERN.test(name)) {
    throw new Error(
      `Invalid environment name "${name}": use 1-16 lower-case letters, digits or dashes, starting with a letter (e.g. -c env=dev).`,
    );
  }
  const parsed = environmentSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.') || '(settings)'}: ${issue.message}`,
    );
    throw new Error(
      `Invalid settings for environment "${name}" (cdk.json context.environments.${name} or -c overrides):\n${problems.join('\n')}`,
    );
  }
  const settingsOf = parsed.data;
  const isProduction = name === 'prod';
  return {
    name,
    isProduction,
    account: settingsOf.account,
    region: settingsOf.region,
    logRetention: isProduction ? RetentionDays.SIX_MONTHS : RetentionDays.ONE_MONTH,
    logRemovalPolicy: isProduction ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    // The Vite dev server may sign in against a development deployment, never against the others.
    webOrigins: settingsOf.webOrigins ?? (name === DEFAULT_ENVIRONMENT_NAME ? [VITE_DEV_SERVER_ORIGIN] : []),
    personalDataRetentionMonths: settingsOf.personalDataRetentionMonths,
    classification: settingsOf.classification,
    alarmEmail: settingsOf.alarmEmail,
    signInDomainPrefix: settingsOf.signInDomainPrefix,
    apiThrottle: { rateLimit: settingsOf.apiRateLimit, burstLimit: settingsOf.apiBurstLimit },
    mail: mailOf(name, settingsOf.mailDomain, settingsOf.mailFromAddress),
  };
}

function mailOf(name: string, domain: string | undefined, fromAddress: string | undefined) {
  const mailDomain = domain ?? `${name}.ilo-network.example.eu`;
  const from = fromAddress ?? `notifications@${mailDomain}`;
  if (!from.endsWith(`@${mailDomain}`) && !from.endsWith(`.${mailDomain}`)) {
    throw new Error(
      `Invalid settings for environment "${name}": mailFromAddress ${from} is not an address at mailDomain ${mailDomain}.`,
    );
  }
  return { domain: mailDomain, fromAddress: from, isDefault: domain === undefined };
}

import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/** What differs between deployments of the same app: dev, test, prod, or a developer's own. */
export interface DeploymentEnvironment {
  /** Short lower-case name; part of every stack name (`IloNetwork-<name>-Stateful`). */
  name: string;
  isProduction: boolean;
  /** Operational logs only (the audit trail lives in the table), so they need not be kept for ever. */
  logRetention: RetentionDays;
  /** Log groups belong to the stateless stack: kept in production, removed with the stack elsewhere. */
  logRemovalPolicy: RemovalPolicy;
  /**
   * Origins the web app is served from; the Cognito app client accepts them as sign-in callback and
   * sign-out URLs. Until the stateless stack hosts the web app (CloudFront), only the Vite dev server.
   */
  webOrigins: string[];
  /** Months after a secondment ends before the officer's name and contact are erased (context `personalDataRetentionMonths`). */
  personalDataRetentionMonths: number;
  /** The marking on every report page (context `classification`, default LIMITE). */
  classification: string;
}

export const DEFAULT_ENVIRONMENT_NAME = 'dev';
const VITE_DEV_SERVER_ORIGIN = 'http://localhost:5173';

// Stack names, export names and tags are built from it: keep it short and safe everywhere.
const ENVIRONMENT_NAME_PATTERN = /^[a-z][a-z0-9-]{0,15}$/;

const DEFAULT_PERSONAL_DATA_RETENTION_MONTHS = 24;

export function deploymentEnvironment(
  name: string,
  webOrigins?: string[],
  personalDataRetentionMonths: number = DEFAULT_PERSONAL_DATA_RETENTION_MONTHS,
  classification = 'LIMITE',
): DeploymentEnvironment {
  if (!ENVIRONMENT_NAME_PATTERN.test(name)) {
    throw new Error(
      `Invalid environment name "${name}": use 1-16 lower-case letters, digits or dashes, starting with a letter (e.g. -c env=dev).`,
    );
  }
  if (
    !Number.isInteger(personalDataRetentionMonths) ||
    personalDataRetentionMonths < 1 ||
    personalDataRetentionMonths > 120
  ) {
    throw new Error(
      `personalDataRetentionMonths must be a whole number of months from 1 to 120, not ${personalDataRetentionMonths}.`,
    );
  }
  const isProduction = name === 'prod';
  return {
    name,
    isProduction,
    logRetention: isProduction ? RetentionDays.SIX_MONTHS : RetentionDays.ONE_MONTH,
    logRemovalPolicy: isProduction ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    webOrigins: webOrigins && webOrigins.length > 0 ? webOrigins : [VITE_DEV_SERVER_ORIGIN],
    personalDataRetentionMonths,
    classification,
  };
}

import { Aws } from 'aws-cdk-lib';
import type { DeploymentEnvironment } from './environment.ts';

/**
 * Names of the retained resources, fixed per environment. Operators find them without looking up
 * outputs (a point-in-time restore needs the table's name), and the stateless stack writes its
 * grants against them directly, as plain ARNs, instead of through cross-stack references.
 */
export function tableNameFor(deployment: Pick<DeploymentEnvironment, 'name'>): string {
  return `ilo-network-${deployment.name}`;
}

/**
 * The user pool's post-authentication trigger. Named, so that the stateful stack's pool can point at
 * it by ARN while the function itself lives in the stateless stack (a reference the other way round
 * would make the two stacks depend on each other).
 */
export function postAuthenticationFunctionNameFor(deployment: Pick<DeploymentEnvironment, 'name'>): string {
  return `ilo-network-${deployment.name}-post-authentication`;
}

/** Unique across AWS by the account and region in it; at most 56 characters (S3 allows 63). */
export function reportsBucketNameFor(deployment: Pick<DeploymentEnvironment, 'name'>): string {
  return `ilo-${deployment.name}-reports-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type App, type Environment, Tags } from 'aws-cdk-lib';
import { DEFAULT_ENVIRONMENT_NAME, deploymentEnvironment } from './environment.ts';
import { REPO_ROOT } from './paths.ts';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack } from './stateless-stack.ts';

export interface IloNetworkStacks {
  stateful: StatefulStack;
  stateless: StatelessStack;
}

function packageVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  const version = (manifest as { version?: unknown }).version;
  if (typeof version !== 'string') throw new Error('package.json has no version');
  return version;
}

/** `-c webOrigins=https://a,https://b` on the command line, or a JSON array in cdk.json. */
function webOriginsFromContext(app: App): string[] | undefined {
  const value: unknown = app.node.tryGetContext('webOrigins');
  if (value === undefined) return undefined;
  if (typeof value === 'string')
    return value
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean);
  if (Array.isArray(value) && value.every((origin) => typeof origin === 'string')) return value;
  throw new Error('Context webOrigins must be a comma-separated string or an array of strings');
}

/**
 * Adds both stacks of one deployment environment to the app. Used by infra/app.ts (the CDK CLI) and
 * by the infrastructure tests, which build the app without the CLI.
 */
export function buildApp(
  app: App,
  envName: string = DEFAULT_ENVIRONMENT_NAME,
  options: { webAssetDir?: string } = {},
): IloNetworkStacks {
  const webAssetDir = options.webAssetDir ?? join(REPO_ROOT, 'web', 'dist');
  if (!existsSync(join(webAssetDir, 'index.html'))) {
    throw new Error(
      `The web app is not built (${webAssetDir}): run npm run build:web first (npm run synth does).`,
    );
  }
  const retention: unknown = app.node.tryGetContext('personalDataRetentionMonths');
  const deployment = deploymentEnvironment(
    envName,
    webOriginsFromContext(app),
    retention === undefined ? undefined : Number(retention),
    (app.node.tryGetContext('classification') as string | undefined) ?? undefined,
  );
  // Unset outside `cdk deploy` with credentials: the stacks are then environment-agnostic, which is
  // enough to synthesise and test.
  const env: Environment = {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    region: process.env.CDK_DEFAULT_REGION,
  };
  const prefix = `IloNetwork-${deployment.name}`;

  const stateful = new StatefulStack(app, `${prefix}-Stateful`, {
    env,
    deployment,
    description: `ILO Network Platform (${deployment.name}): table, reports bucket and user pool (retained)`,
    terminationProtection: deployment.isProduction,
  });
  const stateless = new StatelessStack(app, `${prefix}-Stateless`, {
    env,
    deployment,
    description: `ILO Network Platform (${deployment.name}): functions and HTTP API`,
    appVersion: packageVersion(),
    table: stateful.table,
    reportsBucket: stateful.reportsBucket,
    userPool: stateful.userPool,
    userPoolClient: stateful.userPoolClient,
    webAssetDir,
  });

  for (const stack of [stateful, stateless]) {
    Tags.of(stack).add('project', 'ilo-network');
    Tags.of(stack).add('environment', deployment.name);
  }
  return { stateful, stateless };
}

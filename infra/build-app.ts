import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type App, type Environment, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import {
  DEFAULT_ENVIRONMENT_NAME,
  deploymentEnvironment,
  type EnvironmentSettings,
  environmentSettingsSchema,
} from './environment.ts';
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

// Each setting may also be given alone on the command line, overriding cdk.json for this run.
const SETTING_NAMES = Object.keys(environmentSettingsSchema.shape) as (keyof EnvironmentSettings)[];

/** `context.environments.<name>` from cdk.json, with any `-c <setting>=<value>` laid over it. */
function environmentSettings(app: App, envName: string): EnvironmentSettings {
  const all: unknown = app.node.tryGetContext('environments') ?? {};
  if (typeof all !== 'object' || all === null || Array.isArray(all)) {
    throw new Error('Context environments must be an object: { "<env>": { "region": "eu-west-1", ... } }');
  }
  const fromFile = (all as Record<string, unknown>)[envName] ?? {};
  const overrides = Object.fromEntries(
    SETTING_NAMES.map((name) => [name, app.node.tryGetContext(name)]).filter(
      ([, value]) => value !== undefined,
    ),
  );
  return { ...(fromFile as EnvironmentSettings), ...overrides };
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
  const deployment = deploymentEnvironment(envName, environmentSettings(app, envName));
  // Unset in cdk.json and without credentials, the stacks are environment-agnostic, which is enough
  // to synthesise and test; `cdk deploy` refuses credentials for another account than a set one.
  const env: Environment = {
    account: deployment.account ?? process.env.CDK_DEFAULT_ACCOUNT,
    region: deployment.region ?? process.env.CDK_DEFAULT_REGION,
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
    signInDomain: stateful.signInDomain,
    accessLogsBucket: stateful.accessLogsBucket,
    webAssetDir,
  });

  // The stateless stack's grants name the stateful stack's table and bucket directly (infra/physical-names.ts).
  stateless.addStackDependency(stateful);

  // cdk-nag's AWS Solutions rules run at every synthesis: a finding not acknowledged (with its reason,
  // beside the code it concerns) stops `cdk synth` and `cdk deploy`.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));

  for (const stack of [stateful, stateless]) {
    Tags.of(stack).add('project', 'ilo-network');
    Tags.of(stack).add('environment', deployment.name);
  }
  return { stateful, stateless };
}

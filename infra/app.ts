import { App } from 'aws-cdk-lib';
import { buildApp } from './build-app.ts';
import { DEFAULT_ENVIRONMENT_NAME } from './environment.ts';

// `npx cdk synth -c env=prod` builds the stacks of that environment; cdk.json sets `dev` by default.
const app = new App();
const envName: unknown = app.node.tryGetContext('env') ?? DEFAULT_ENVIRONMENT_NAME;
if (typeof envName !== 'string') throw new Error('Context env must be a string, e.g. -c env=dev');
buildApp(app, envName);
app.synth();

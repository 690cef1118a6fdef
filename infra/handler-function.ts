import { join } from 'node:path';
import { Aws, type Duration, Stack, Validations } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { Construct } from 'constructs';
import type { Route } from '#functions/routes.ts';
import { SERVICE_NAME } from '#shared/service.ts';
import { AUDIT_KEY_PREFIX, REPORTS_PREFIX } from '#shared/table-design.ts';
import type { OperationalAlarms } from './alarms.ts';
import { bundlingFor } from './bundling.ts';
import type { DeploymentEnvironment } from './environment.ts';
import { REPO_ROOT } from './paths.ts';
import { reportsBucketNameFor, tableNameFor } from './physical-names.ts';
import { tableActions } from './table-access.ts';

/** What every handler function of the stateless stack shares, wherever (parent or nested stack) it is made. */
export interface HandlerFunctionContext {
  deployment: DeploymentEnvironment;
  appVersion: string;
  userPool: cognito.IUserPool;
  reportQueue: sqs.IQueue;
  /** In the parent stack: each function's alarms go beside the function, their actions to its topic. */
  alarms: OperationalAlarms;
}

export interface HandlerFunctionOptions {
  description: string;
  timeout: Duration;
  environment?: Record<string, string>;
  /** A fixed name, for a function another stack names by ARN (the user pool's trigger). */
  functionName?: string;
}

/** Node.js 22 (LTS until April 2027): the runtime the handlers and their bundles are built and tested for. */
const FUNCTION_RUNTIME = lambda.Runtime.NODEJS_22_X;
const RUNTIME_ACKNOWLEDGEMENT = {
  id: 'AwsSolutions-L1',
  reason:
    'Node.js 22 is a supported LTS runtime and the one the bundles target (esbuild node22) and the tests run; moving to a newer one is a tested change, not a drift.',
};

// What would change an audit entry (their keys: AUDIT_KEY_PREFIX).
const AUDIT_TRAIL_CHANGES = ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

/**
 * How cdk-nag names a resource in a finding. Resolved by the stack the function is in: a nested
 * stack renders the same ARN with its own tokens, and an acknowledgement must match its template.
 */
function nagResourceName(scope: Construct, arn: string): string {
  return flattenCfnReference(Stack.of(scope).resolve(arn));
}

/**
 * One handler of functions/ as a Lambda function in `scope` (a stack), with its own log group,
 * least-privilege role and alarms: the grants are exactly what its row of functions/routes.ts declares.
 */
export function handlerFunction(
  scope: Construct,
  name: string,
  spec: Omit<Route, 'endpoint'>,
  options: HandlerFunctionOptions,
  context: HandlerFunctionContext,
): nodejs.NodejsFunction {
  const { deployment, appVersion } = context;
  const tableName = tableNameFor(deployment);
  const tableArn = Stack.of(scope).formatArn({
    service: 'dynamodb',
    resource: 'table',
    resourceName: tableName,
  });
  const reportsBucketName = reportsBucketNameFor(deployment);
  const reportFilesArn = `arn:${Aws.PARTITION}:s3:::${reportsBucketName}/${REPORTS_PREFIX}*`;
  const logGroup = new logs.LogGroup(scope, `${name}Logs`, {
    retention: deployment.logRetention,
    removalPolicy: deployment.logRemovalPolicy,
  });
  // Its own role with only what it does: write its log group, trace, and the grants below (no
  // AWS-managed policy, whose log permissions reach every log group of the account).
  const role = new iam.Role(scope, `${name}Role`, {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: options.description,
  });
  logGroup.grantWrite(role);
  Validations.of(role).acknowledge(
    {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray PutTraceSegments and PutTelemetryRecords support no resource-level permissions.',
    },
    {
      id: `AwsSolutions-IAM5[Resource::${nagResourceName(scope, `${tableArn}/index/*`)}]`,
      reason:
        'Queries on the global secondary indexes of the one table (shared/table-design.ts); the actions are the route’s own (functions/routes.ts).',
    },
    {
      id: `AwsSolutions-IAM5[Resource::${nagResourceName(scope, reportFilesArn)}]`,
      reason:
        'Report files are written under reports/<semester>/<network>/v<N>/: the grant is that prefix, with single actions.',
    },
  );
  const fn = new nodejs.NodejsFunction(scope, `${name}Function`, {
    role,
    ...(options.functionName ? { functionName: options.functionName } : {}),
    entry: join(REPO_ROOT, 'functions', spec.entry),
    handler: 'handler',
    projectRoot: REPO_ROOT,
    depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
    runtime: FUNCTION_RUNTIME,
    architecture: lambda.Architecture.ARM_64,
    tracing: lambda.Tracing.ACTIVE,
    // Powertools writes JSON already; the platform's own lines (start, end, report) become JSON too.
    loggingFormat: lambda.LoggingFormat.JSON,
    // Rendering PDFs and Word documents wants more memory (and with it, more CPU).
    memorySize: spec.rendersDocuments ? 1536 : 512,
    timeout: options.timeout,
    description: options.description,
    logGroup,
    environment: {
      TABLE_NAME: tableName,
      REPORTS_BUCKET: reportsBucketName,
      REPORT_CLASSIFICATION: deployment.classification,
      APP_VERSION: appVersion,
      NODE_OPTIONS: '--enable-source-maps',
      POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
      ...(spec.sendsToReportQueue ? { REPORT_QUEUE_URL: context.reportQueue.queueUrl } : {}),
      ...(spec.rendersDocuments ? { REPORT_FONT_DIR: '/var/task/fonts' } : {}),
      // The people directory's identity provider (functions/people/identity.ts): Cognito.
      ...(spec.identityActions ? { USER_POOL_ID: context.userPool.userPoolId } : {}),
      ...options.environment,
    },
    bundling: bundlingFor(spec),
  });
  Validations.of(fn).acknowledge(RUNTIME_ACKNOWLEDGEMENT);
  // Created after its permissions, so that its first invocation (the seed trigger's) has them.
  fn.node.addDependency(role);
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: tableActions(spec.table ?? 'read'),
      resources: [tableArn, `${tableArn}/index/*`],
    }),
  );
  // The audit trail is append-only: entries are conditional creates (PutItem); nothing may update or
  // delete one, whatever the code does. A second line behind the repository's own rule.
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      effect: iam.Effect.DENY,
      actions: AUDIT_TRAIL_CHANGES,
      resources: [tableArn],
      conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [`${AUDIT_KEY_PREFIX}*`] } },
    }),
  );
  // Single actions, not grantRead's wildcards: report files are read and written, never listed or deleted.
  if (spec.bucket) {
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: spec.bucket === 'read-write' ? ['s3:GetObject', 's3:PutObject'] : ['s3:GetObject'],
        resources: [reportFilesArn],
      }),
    );
  }
  if (spec.sendsToReportQueue) context.reportQueue.grantSendMessages(fn);
  // Exactly the Cognito actions the handler calls, on this user pool alone.
  if (spec.identityActions) {
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: [...spec.identityActions],
        resources: [context.userPool.userPoolArn],
      }),
    );
  }
  context.alarms.watchFunction(scope, name, fn);
  return fn;
}

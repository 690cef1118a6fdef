import { join } from 'node:path';
import { CfnOutput, Duration, Stack, type StackProps, TimeZone } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventsTargets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as lambdaEventSources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as triggers from 'aws-cdk-lib/triggers';
import type { Construct } from 'constructs';
import { jobs, type Route, routes } from '#functions/routes.ts';
import { type Endpoint, endpoints } from '#shared/api/endpoints.ts';
import { REPORTS_PREFIX } from '#shared/table-design.ts';
import type { DeploymentEnvironment } from './environment.ts';
import { REPO_ROOT } from './paths.ts';
import { tableActions } from './table-access.ts';
import { WebHosting } from './web-hosting.ts';

export interface StatelessStackProps extends StackProps {
  deployment: DeploymentEnvironment;
  /** Served by GET /api/openapi.json; read by functions/lib/config.ts. */
  appVersion: string;
  table: dynamodb.ITableV2;
  reportsBucket: s3.IBucket;
  userPool: cognito.IUserPool;
  userPoolClient: cognito.IUserPoolClient;
  /** The built web app to host (web/dist); see infra/build-app.ts. */
  webAssetDir: string;
  /** One function and one route per row; functions/routes.ts unless a test supplies its own. */
  routes?: readonly Route[];
}

/** Matches the Logger in functions/lib/logger.ts. */
const SERVICE_NAME = 'ilo-network';

// Some bundled dependencies are CommonJS and call `require`, which an ES module does not have.
const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

const bundling: nodejs.BundlingOptions = {
  format: nodejs.OutputFormat.ESM,
  target: 'node22',
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  minify: true,
  sourceMap: true,
  // Stack traces are mapped by NODE_OPTIONS=--enable-source-maps; the sources themselves are not needed.
  sourcesContent: false,
  // The SDK version is pinned in package-lock.json; do not rely on the one the runtime happens to ship.
  bundleAwsSDK: true,
  forceDockerBundling: false,
};

// Functions that render PDFs carry the DejaVu fonts in their bundle (REPORT_FONT_DIR points at them).
const fontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];
const bundlingWithFonts: nodejs.BundlingOptions = {
  ...bundling,
  commandHooks: {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir: string, outputDir: string) => [
      `mkdir -p "${outputDir}/fonts"`,
      ...fontFiles.map(
        (file) => `cp "${inputDir}/node_modules/dejavu-fonts-ttf/ttf/${file}" "${outputDir}/fonts/${file}"`,
      ),
    ],
  },
};

/** `seedReference` -> `SeedReference`, for construct ids. */
const pascalCase = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/**
 * Everything that can be destroyed and rebuilt without losing data: one Lambda function per route
 * and per job, the HTTP API in front of them, and the deployment trigger that seeds reference data.
 */
export class StatelessStack extends Stack {
  public readonly httpApi: apigateway.HttpApi;

  public readonly web: WebHosting;
  public readonly reportQueue: sqs.Queue;
  public readonly reportDeadLetters: sqs.Queue;
  public readonly scheduleDeadLetters: sqs.Queue;

  private readonly props: StatelessStackProps;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    this.props = props;
    const { table, userPool, userPoolClient } = props;

    // One message per network report to generate; a message that fails three times goes to the
    // dead-letter queue (kept 14 days) for an operator to look at and replay.
    this.reportDeadLetters = new sqs.Queue(this, 'ReportGenerationDeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.reportQueue = new sqs.Queue(this, 'ReportGenerationQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // At least six times the generator's timeout, as Lambda's SQS event source advises.
      visibilityTimeout: Duration.minutes(12),
      deadLetterQueue: { queue: this.reportDeadLetters, maxReceiveCount: 3 },
    });

    // Checks the Cognito ID token (its audience is the app client) before any handler runs.
    const issuer = `https://cognito-idp.${this.region}.amazonaws.com/${userPool.userPoolId}`;
    const jwtAuthorizer = new HttpJwtAuthorizer('CognitoAuthorizer', issuer, {
      jwtAudience: [userPoolClient.userPoolClientId],
    });

    this.httpApi = new apigateway.HttpApi(this, 'HttpApi', {
      description: `ILO Network Platform API (${props.deployment.name})`,
      createDefaultStage: true,
    });

    for (const route of props.routes ?? routes) {
      const endpoint: Endpoint = endpoints[route.endpoint];
      // Local-only endpoints (the dev login) must never be reachable on AWS.
      if (endpoint.localOnly) continue;

      const fn = this.handlerFunction(pascalCase(route.endpoint), route, {
        description: `${endpoint.method} ${endpoint.path} (functions/${route.entry})`,
        // API Gateway gives up after 29 s; finalising renders the documents again.
        timeout: Duration.seconds(route.rendersDocuments ? 29 : 10),
      });
      this.httpApi.addRoutes({
        path: endpoint.path,
        methods: [apigateway.HttpMethod[endpoint.method]],
        integration: new HttpLambdaIntegration(`${pascalCase(route.endpoint)}Integration`, fn),
        ...(endpoint.access === 'signed-in' ? { authorizer: jwtAuthorizer } : {}),
      });
    }

    // Seeds the Presidency calendar. The trigger runs on the first deployment and whenever the
    // function changes, which includes every change to the bundled calendar in shared/; the job is
    // idempotent and never overwrites a corrected entry, so a run without a change would add nothing.
    const seedReference = this.handlerFunction('SeedReference', jobs.seedReference, {
      description: `Job: seed reference data after deployment (functions/${jobs.seedReference.entry})`,
      timeout: Duration.minutes(1),
    });
    new triggers.Trigger(this, 'SeedReferenceAfterDeploy', {
      handler: seedReference,
      // After the table exists and after the function's own permissions are in place.
      executeAfter: [table, seedReference],
      invocationType: triggers.InvocationType.REQUEST_RESPONSE,
      timeout: Duration.minutes(2),
    });

    // Erases officers' names and contacts once their retention period has passed; daily, after
    // midnight in Brussels in winter and summer alike (01:30 UTC).
    const erasePersonalData = this.handlerFunction('ErasePersonalData', jobs.erasePersonalData, {
      description: `Job: erase personal data past its retention (functions/${jobs.erasePersonalData.entry})`,
      timeout: Duration.minutes(5),
      environment: { PERSONAL_DATA_RETENTION_MONTHS: String(props.deployment.personalDataRetentionMonths) },
    });
    new events.Rule(this, 'ErasePersonalDataDaily', {
      description: 'Erase personal data past its retention period',
      schedule: events.Schedule.cron({ minute: '30', hour: '1' }),
      targets: [new eventsTargets.LambdaFunction(erasePersonalData, { retryAttempts: 2 })],
    });

    // Closes ended semesters at each semester boundary, midnight in Brussels on 1 January and 1 July
    // (EventBridge Scheduler keeps the time zone), retrying for a day and then parking the event in a
    // dead-letter queue. The job closes every ended semester still open, so a missed boundary is
    // caught up by the next run (an operator can also invoke it, or close through the API).
    const closeSemesters = this.handlerFunction('CloseSemesters', jobs.closeSemesters, {
      description: `Job: close ended semesters (functions/${jobs.closeSemesters.entry})`,
      timeout: Duration.minutes(5),
    });
    this.scheduleDeadLetters = new sqs.Queue(this, 'ScheduleDeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    new scheduler.Schedule(this, 'CloseSemestersAtBoundary', {
      description: 'Close the semester that has just ended (and any missed before it)',
      schedule: scheduler.ScheduleExpression.cron({
        minute: '0',
        hour: '0',
        day: '1',
        month: '1,7',
        timeZone: TimeZone.EUROPE_BRUSSELS,
      }),
      target: new schedulerTargets.LambdaInvoke(closeSemesters, {
        // The job reads "now" from `time`, like an EventBridge scheduled event.
        input: scheduler.ScheduleTargetInput.fromObject({ time: scheduler.ContextAttribute.scheduledTime }),
        retryAttempts: 20,
        maxEventAge: Duration.hours(24),
        deadLetterQueue: this.scheduleDeadLetters,
      }),
    });

    // Reminders of outstanding contributions, 14 and 3 days before the end; daily at 07:00 UTC.
    const sendReminders = this.handlerFunction('SendReminders', jobs.sendReminders, {
      description: `Job: contribution reminders (functions/${jobs.sendReminders.entry})`,
      timeout: Duration.minutes(2),
    });
    new events.Rule(this, 'SendRemindersDaily', {
      description: 'Remind states of contributions still to submit',
      schedule: events.Schedule.cron({ minute: '0', hour: '7' }),
      targets: [new eventsTargets.LambdaFunction(sendReminders, { retryAttempts: 2 })],
    });

    // The report generator: one network report per message; only the failed messages of a batch
    // are retried (partial batch responses).
    const generateReports = this.handlerFunction('GenerateReports', jobs.generateReports, {
      description: `Job: generate network reports (functions/${jobs.generateReports.entry})`,
      timeout: Duration.minutes(2),
    });
    generateReports.addEventSource(
      new lambdaEventSources.SqsEventSource(this.reportQueue, {
        batchSize: 5,
        reportBatchItemFailures: true,
      }),
    );

    // The annual summary: daily, so it follows late report versions; drafts only when inputs changed.
    const draftAnnualSummary = this.handlerFunction('DraftAnnualSummary', jobs.draftAnnualSummary, {
      description: `Job: draft the annual summary (functions/${jobs.draftAnnualSummary.entry})`,
      timeout: Duration.minutes(5),
    });
    new events.Rule(this, 'DraftAnnualSummaryDaily', {
      description: "Draft the Commission's annual summary once a year's second semester is closed",
      schedule: events.Schedule.cron({ minute: '0', hour: '4' }),
      targets: [new eventsTargets.LambdaFunction(draftAnnualSummary, { retryAttempts: 2 })],
    });

    this.web = new WebHosting(this, 'Web', {
      api: this.httpApi,
      webAssetDir: props.webAssetDir,
      isProduction: props.deployment.isProduction,
      runtimeConfig: {
        apiBaseUrl: '/api',
        region: this.region,
        userPoolId: userPool.userPoolId,
        userPoolClientId: userPoolClient.userPoolClientId,
        signInMethod: 'cognito',
      },
    });
    new CfnOutput(this, 'WebUrl', { value: `https://${this.web.distribution.distributionDomainName}` });

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.apiEndpoint });
  }

  private handlerFunction(
    name: string,
    spec: Omit<Route, 'endpoint'>,
    options: { description: string; timeout: Duration; environment?: Record<string, string> },
  ): nodejs.NodejsFunction {
    const { deployment, table, reportsBucket, appVersion } = this.props;
    const logGroup = new logs.LogGroup(this, `${name}Logs`, {
      retention: deployment.logRetention,
      removalPolicy: deployment.logRemovalPolicy,
    });
    const fn = new nodejs.NodejsFunction(this, `${name}Function`, {
      entry: join(REPO_ROOT, 'functions', spec.entry),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      // Rendering PDFs and Word documents wants more memory (and with it, more CPU).
      memorySize: spec.rendersDocuments ? 1536 : 512,
      timeout: options.timeout,
      description: options.description,
      logGroup,
      environment: {
        TABLE_NAME: table.tableName,
        REPORTS_BUCKET: reportsBucket.bucketName,
        REPORT_CLASSIFICATION: deployment.classification,
        APP_VERSION: appVersion,
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        ...(spec.sendsToReportQueue ? { REPORT_QUEUE_URL: this.reportQueue.queueUrl } : {}),
        ...(spec.rendersDocuments ? { REPORT_FONT_DIR: '/var/task/fonts' } : {}),
        ...options.environment,
      },
      bundling: spec.rendersDocuments ? bundlingWithFonts : bundling,
    });
    table.grants.actions(fn, ...tableActions(spec.table ?? 'read'));
    if (spec.bucket === 'read') reportsBucket.grantRead(fn, `${REPORTS_PREFIX}*`);
    if (spec.bucket === 'read-write') reportsBucket.grantReadWrite(fn, `${REPORTS_PREFIX}*`);
    if (spec.sendsToReportQueue) this.reportQueue.grantSendMessages(fn);
    return fn;
  }
}

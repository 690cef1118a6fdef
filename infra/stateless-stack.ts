import {
  Annotations,
  type CfnElement,
  CfnOutput,
  Duration,
  Stack,
  type StackProps,
  TimeZone,
  Validations,
} from 'aws-cdk-lib';
import * as apigatewayV1 from 'aws-cdk-lib/aws-apigateway';
import * as apigateway from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventsTargets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as lambdaEventSources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as triggers from 'aws-cdk-lib/triggers';
import type { Construct, IConstruct } from 'constructs';
import { type JobSchedule, jobs, type Route, routes } from '#functions/routes.ts';
import { type Endpoint, endpoints } from '#shared/api/endpoints.ts';
import { API_REQUEST_HEADERS } from '#shared/api/headers.ts';
import {
  DEV_TOKEN_LIFETIME_SECONDS,
  ORGANISATION_CLAIM,
  ROLE_CLAIM,
  SIGN_IN_CALLBACK_PATH,
  SIGNED_OUT_PATH,
} from '#shared/auth.ts';
import { OperationalAlarms } from './alarms.ts';
import { isDeployedRoute } from './bundling.ts';
import { customAttributeName } from './cognito-attributes.ts';
import type { DeploymentEnvironment } from './environment.ts';
import {
  type HandlerFunctionContext,
  type HandlerFunctionOptions,
  handlerFunction,
} from './handler-function.ts';
import { MailSending } from './mail.ts';
import { postAuthenticationFunctionNameFor } from './physical-names.ts';
import { pascalCase, RouteFunctionsStack } from './route-functions-stack.ts';
import { WebHosting } from './web-hosting.ts';

export interface StatelessStackProps extends StackProps {
  deployment: DeploymentEnvironment;
  /** Served by GET /api/openapi.json; read by functions/lib/config.ts. */
  appVersion: string;
  table: dynamodb.ITableV2;
  reportsBucket: s3.IBucket;
  userPool: cognito.IUserPool;
  /** The hosted sign-in domain the web app sends people to. */
  signInDomain: cognito.UserPoolDomain;
  /** Where the API and CloudFront access logs go (CloudFront) or are kept beside (API, in CloudWatch). */
  accessLogsBucket: s3.IBucket;
  /** The built web app to host (web/dist); see infra/build-app.ts. */
  webAssetDir: string;
  /** One function and one route per row; functions/routes.ts unless a test supplies its own. */
  routes?: readonly Route[];
}

// One JSON line per request: who (the token's subject), what, how it ended and how long it took.
const API_ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  time: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  subject: '$context.authorizer.claims.sub',
  method: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
};

/** The logical id of a construct's CloudFormation resource, as cdk-nag names it in a finding. */
function logicalIdOf(construct: IConstruct): string {
  return Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
}

/** An EventBridge rule's schedule for a daily job of functions/routes.ts (rules keep UTC only). */
function dailyRuleSchedule(schedule: JobSchedule): events.Schedule {
  if (schedule.timeZone !== 'UTC' || schedule.on)
    throw new Error('An EventBridge rule runs daily in UTC; use EventBridge Scheduler for other schedules');
  return events.Schedule.cron({ minute: String(schedule.minute), hour: String(schedule.hour) });
}

/**
 * Everything that can be destroyed and rebuilt without losing data: one Lambda function per route
 * and per job, the HTTP API in front of them, and the deployment trigger that seeds reference data.
 * The routes' functions are in nested stacks, one per endpoint tag (infra/route-functions-stack.ts).
 */
export class StatelessStack extends Stack {
  public readonly httpApi: apigateway.HttpApi;
  public readonly userPoolClient: cognito.UserPoolClient;
  public readonly alarms: OperationalAlarms;
  public readonly web: WebHosting;
  public readonly reportQueue: sqs.Queue;
  public readonly reportDeadLetters: sqs.Queue;
  public readonly scheduleDeadLetters: sqs.Queue;
  /** SES sending: the configuration set, the bounce and complaint topic, and grantSendMail. */
  public readonly mail: MailSending;

  /** The functions of the API routes, one nested stack per endpoint tag. */
  public readonly routeFunctions: readonly RouteFunctionsStack[];

  /** What the jobs' functions here and the routes' in the nested stacks share. */
  private readonly functionContext: HandlerFunctionContext;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { table, userPool, deployment } = props;

    // Created first: every function registers its alarms here.
    this.alarms = new OperationalAlarms(this, 'Alarms', {
      alarmEmail: deployment.alarmEmail,
      namePrefix: `IloNetwork-${deployment.name}`,
    });
    if (!deployment.alarmEmail && deployment.isProduction) {
      Annotations.of(this).addWarningV2(
        'ilo:no-alarm-email',
        'No alarmEmail for this environment: alarms reach nobody until someone subscribes to the topic (docs/operations.md).',
      );
    }

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

    this.httpApi = new apigateway.HttpApi(this, 'HttpApi', {
      description: `ILO Network Platform API (${deployment.name})`,
      // The web app calls the API on its own origin (CloudFront, /api/*); browsers on any other
      // origin are refused unless the environment names it (a custom domain, the Vite dev server).
      ...(deployment.webOrigins.length > 0
        ? {
            corsPreflight: {
              allowOrigins: deployment.webOrigins,
              allowMethods: [
                apigateway.CorsHttpMethod.GET,
                apigateway.CorsHttpMethod.POST,
                apigateway.CorsHttpMethod.PUT,
                apigateway.CorsHttpMethod.DELETE,
              ],
              allowHeaders: [...API_REQUEST_HEADERS],
              maxAge: Duration.hours(1),
            },
          }
        : {}),
      createDefaultStage: false,
    });
    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: deployment.logRetention,
      removalPolicy: deployment.logRemovalPolicy,
    });
    new apigateway.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: deployment.apiThrottle,
      accessLogSettings: {
        destination: new apigateway.LogGroupLogDestination(accessLogs),
        format: apigatewayV1.AccessLogFormat.custom(JSON.stringify(API_ACCESS_LOG_FIELDS)),
      },
    });
    this.alarms.watchApi(this.httpApi);

    this.web = new WebHosting(this, 'Web', {
      api: this.httpApi,
      webAssetDir: props.webAssetDir,
      connectSources: [props.signInDomain.baseUrl()],
      accessLogsBucket: props.accessLogsBucket,
    });

    // The web app's client: public (a browser keeps no secret), authorization code with PKCE, calling
    // back to the CloudFront origin and any other origin of the environment.
    const webOrigins = [this.web.origin, ...deployment.webOrigins];
    this.userPoolClient = new cognito.UserPoolClient(this, 'WebClient', {
      userPool,
      generateSecret: false,
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: webOrigins.map((origin) => `${origin}${SIGN_IN_CALLBACK_PATH}`),
        logoutUrls: webOrigins.map((origin) => `${origin}${SIGNED_OUT_PATH}`),
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.seconds(DEV_TOKEN_LIFETIME_SECONDS),
      accessTokenValidity: Duration.seconds(DEV_TOKEN_LIFETIME_SECONDS),
      // A working day; the app renews its ID token with it, then asks to sign in again.
      refreshTokenValidity: Duration.hours(10),
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(customAttributeName(ORGANISATION_CLAIM), customAttributeName(ROLE_CLAIM)),
      // Without this a signed-in user could rewrite their own organisation or role through
      // UpdateUserAttributes; only administrators may set them.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });
    // No password flow through this client (left out, Cognito would allow SRP and custom auth): every
    // sign-in goes through the hosted pages, with MFA; the app only renews its tokens.
    (this.userPoolClient.node.defaultChild as cognito.CfnUserPoolClient).explicitAuthFlows = [
      'ALLOW_REFRESH_TOKEN_AUTH',
    ];

    // Checks the Cognito ID token (its audience is the app client) before any handler runs.
    const issuer = `https://cognito-idp.${this.region}.amazonaws.com/${userPool.userPoolId}`;
    const jwtAuthorizer = new HttpJwtAuthorizer('CognitoAuthorizer', issuer, {
      jwtAudience: [this.userPoolClient.userPoolClientId],
    });

    this.functionContext = {
      deployment,
      appVersion: props.appVersion,
      userPool,
      reportQueue: this.reportQueue,
      alarms: this.alarms,
    };

    // The routes' functions, one nested stack per API tag (each route costs about six resources
    // there); the routes and integrations stay here, with the API and its authorizer.
    const deployedRoutes = (props.routes ?? routes).filter(isDeployedRoute);
    const routesByTag = new Map<string, Route[]>();
    for (const route of deployedRoutes) {
      const tag = (endpoints[route.endpoint] as Endpoint).tag;
      routesByTag.set(tag, [...(routesByTag.get(tag) ?? []), route]);
    }
    this.routeFunctions = [...routesByTag].map(
      ([tag, tagRoutes]) =>
        new RouteFunctionsStack(this, `${pascalCase(tag)}Routes`, {
          tag,
          routes: tagRoutes,
          context: this.functionContext,
        }),
    );
    for (const route of deployedRoutes) {
      const endpoint: Endpoint = endpoints[route.endpoint];
      const functions = this.routeFunctions.find((stack) => stack.tag === endpoint.tag);
      if (!functions) throw new Error(`No nested stack for the ${endpoint.tag} routes`);
      const added = this.httpApi.addRoutes({
        path: endpoint.path,
        methods: [apigateway.HttpMethod[endpoint.method]],
        integration: new HttpLambdaIntegration(
          `${pascalCase(route.endpoint)}Integration`,
          functions.functionOf(route.endpoint),
        ),
        ...(endpoint.access === 'signed-in' ? { authorizer: jwtAuthorizer } : {}),
      });
      if (endpoint.access === 'public') {
        for (const publicRoute of added) {
          Validations.of(publicRoute).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason: `${endpoint.path} is public by contract (API.md): it answers only whether the service is up and reads nothing of anyone.`,
          });
        }
      }
    }

    // Seeds the Presidency calendar. The trigger runs on the first deployment and whenever the
    // function changes, which includes every change to the bundled calendar in shared/; the job is
    // idempotent and never overwrites a corrected entry, so a run without a change would add nothing.
    const seedReference = this.jobFunction('SeedReference', jobs.seedReference, {
      description: `Job: seed reference data after deployment (functions/${jobs.seedReference.entry})`,
      timeout: Duration.minutes(1),
    });
    new triggers.Trigger(this, 'SeedReferenceAfterDeploy', {
      handler: seedReference,
      // After the table exists and after the function's own permissions are in place.
      executeAfter: [table, seedReference, ...(seedReference.role ? [seedReference.role] : [])],
      invocationType: triggers.InvocationType.REQUEST_RESPONSE,
      timeout: Duration.minutes(2),
    });

    // Cognito's post-authentication trigger records each person's last sign-in in the directory. The
    // pool (stateful stack) names this function by its fixed ARN; Cognito may invoke it for that pool only.
    const recordSignIn = this.jobFunction('RecordSignIn', jobs.recordSignIn, {
      description: `Job: record the last sign-in, Cognito post-authentication trigger (functions/${jobs.recordSignIn.entry})`,
      timeout: Duration.seconds(5),
      functionName: postAuthenticationFunctionNameFor(deployment),
    });
    recordSignIn.addPermission('InvokedByUserPool', {
      principal: new iam.ServicePrincipal('cognito-idp.amazonaws.com'),
      sourceArn: userPool.userPoolArn,
      sourceAccount: this.account,
    });

    // Erases officers' names and contacts once their retention period has passed; daily (every
    // schedule is in the jobs table of functions/routes.ts, which the local scheduler reads too).
    const erasePersonalData = this.jobFunction('ErasePersonalData', jobs.erasePersonalData, {
      description: `Job: erase personal data past its retention (functions/${jobs.erasePersonalData.entry})`,
      timeout: Duration.minutes(5),
      environment: { PERSONAL_DATA_RETENTION_MONTHS: String(props.deployment.personalDataRetentionMonths) },
    });
    new events.Rule(this, 'ErasePersonalDataDaily', {
      description: 'Erase personal data past its retention period',
      schedule: dailyRuleSchedule(jobs.erasePersonalData.schedule),
      targets: [new eventsTargets.LambdaFunction(erasePersonalData, { retryAttempts: 2 })],
    });

    // Closes ended semesters at each semester boundary, midnight in Brussels on 1 January and 1 July
    // (EventBridge Scheduler keeps the time zone), retrying for a day and then parking the event in a
    // dead-letter queue. The job closes every ended semester still open, so a missed boundary is
    // caught up by the next run (an operator can also invoke it, or close through the API).
    const closeSemesters = this.jobFunction('CloseSemesters', jobs.closeSemesters, {
      description: `Job: close ended semesters (functions/${jobs.closeSemesters.entry})`,
      timeout: Duration.minutes(5),
    });
    this.scheduleDeadLetters = new sqs.Queue(this, 'ScheduleDeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.scheduleDeadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself a dead-letter queue (of the close-semesters schedule).',
    });
    new scheduler.Schedule(this, 'CloseSemestersAtBoundary', {
      description: 'Close the semester that has just ended (and any missed before it)',
      schedule: scheduler.ScheduleExpression.cron({
        minute: String(jobs.closeSemesters.schedule.minute),
        hour: String(jobs.closeSemesters.schedule.hour),
        day: jobs.closeSemesters.schedule.on.day,
        month: jobs.closeSemesters.schedule.on.month,
        timeZone: TimeZone.of(jobs.closeSemesters.schedule.timeZone),
      }),
      target: new schedulerTargets.LambdaInvoke(closeSemesters, {
        // The job reads "now" from `time`, like an EventBridge scheduled event.
        input: scheduler.ScheduleTargetInput.fromObject({ time: scheduler.ContextAttribute.scheduledTime }),
        retryAttempts: 20,
        maxEventAge: Duration.hours(24),
        deadLetterQueue: this.scheduleDeadLetters,
      }),
    });
    // The target's role is a singleton CDK adds to the stack, not a child of the schedule.
    const schedulerRole = this.node.children.find((child) =>
      child.node.id.startsWith('SchedulerRoleForTarget'),
    );
    if (!schedulerRole) throw new Error('The close schedule has no scheduler role');
    Validations.of(schedulerRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalIdOf(closeSemesters)}.Arn>:*]`,
      reason:
        "The scheduler's role may invoke the close job's versions and aliases (the LambdaInvoke target's grant), nothing else.",
    });

    // Reminders of outstanding contributions, 14 and 3 days before the end; daily.
    const sendReminders = this.jobFunction('SendReminders', jobs.sendReminders, {
      description: `Job: contribution reminders (functions/${jobs.sendReminders.entry})`,
      timeout: Duration.minutes(2),
    });
    new events.Rule(this, 'SendRemindersDaily', {
      description: 'Remind states of contributions still to submit',
      schedule: dailyRuleSchedule(jobs.sendReminders.schedule),
      targets: [new eventsTargets.LambdaFunction(sendReminders, { retryAttempts: 2 })],
    });

    // The report generator: one network report per message; only the failed messages of a batch
    // are retried (partial batch responses).
    const generateReports = this.jobFunction('GenerateReports', jobs.generateReports, {
      description: `Job: generate network reports (functions/${jobs.generateReports.entry})`,
      timeout: Duration.minutes(2),
    });
    this.alarms.watchDeadLetters(
      'ReportGenerationDeadLetters',
      this.reportDeadLetters,
      'Read the failed messages and replay them (docs/operations.md, "Replaying the dead-letter queue").',
    );
    this.alarms.watchDeadLetters(
      'ScheduleDeadLetters',
      this.scheduleDeadLetters,
      'A semester close did not run: run the close job by hand (docs/operations.md).',
    );
    generateReports.addEventSource(
      new lambdaEventSources.SqsEventSource(this.reportQueue, {
        batchSize: 5,
        reportBatchItemFailures: true,
      }),
    );

    // The annual summary: daily, so it follows late report versions; drafts only when inputs changed.
    const draftAnnualSummary = this.jobFunction('DraftAnnualSummary', jobs.draftAnnualSummary, {
      description: `Job: draft the annual summary (functions/${jobs.draftAnnualSummary.entry})`,
      timeout: Duration.minutes(5),
    });
    new events.Rule(this, 'DraftAnnualSummaryDaily', {
      description: "Draft the Commission's annual summary once a year's second semester is closed",
      schedule: dailyRuleSchedule(jobs.draftAnnualSummary.schedule),
      targets: [new eventsTargets.LambdaFunction(draftAnnualSummary, { retryAttempts: 2 })],
    });

    // SES's permanent bounces and complaints (configuration set -> SNS topic -> this job) put the
    // address on the suppression list and mark the person (functions/notifications/ses-feedback.ts).
    const sesFeedback = this.jobFunction('SesFeedback', jobs.sesFeedback, {
      description: `Job: SES bounces and complaints to the suppression list (functions/${jobs.sesFeedback.entry})`,
      timeout: Duration.seconds(30),
    });
    this.mail = new MailSending(this, 'Mail', { deployment, feedbackFunction: sesFeedback });
    if (deployment.mail.isDefault && deployment.isProduction) {
      Annotations.of(this).addWarningV2(
        'ilo:no-mail-domain',
        `No mailDomain for this environment: the SES identity is ${deployment.mail.domain}, which nobody can verify (docs/operations.md).`,
      );
    }

    this.web.publish({
      apiBaseUrl: '/api',
      signInMethod: 'cognito',
      region: this.region,
      userPoolId: userPool.userPoolId,
      userPoolClientId: this.userPoolClient.userPoolClientId,
      signInDomain: props.signInDomain.baseUrl(),
    });
    new CfnOutput(this, 'WebUrl', { value: this.web.origin });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn });

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.apiEndpoint });
  }

  /**
   * Lets a function send the product's e-mail through SES: `ses:SendEmail`/`ses:SendRawEmail` on the
   * deployment's identity and configuration set only, and MAIL_FROM and SES_CONFIGURATION_SET.
   */
  grantSendMail(fn: lambda.Function): void {
    this.mail.grantSendMail(fn);
  }

  /** A job's function, here in the parent beside its schedule, queue or trigger. */
  private jobFunction(name: string, spec: Omit<Route, 'endpoint'>, options: HandlerFunctionOptions) {
    return handlerFunction(this, name, spec, options, this.functionContext);
  }
}

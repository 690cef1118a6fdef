import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { BUNDLING_STACKS } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { jobs, type Route, routeKey, routes } from '#functions/routes.ts';
import { type Endpoint, endpoints } from '#shared/api/endpoints.ts';
import { ORGANISATION_CLAIM, ROLE_CLAIM, SIGN_IN_CALLBACK_PATH, SIGNED_OUT_PATH } from '#shared/auth.ts';
import { tableDesign } from '#shared/table-design.ts';
import { buildApp } from '../../infra/build-app.ts';
import { deploymentEnvironment } from '../../infra/environment.ts';
import { MailSending } from '../../infra/mail.ts';
import { REPO_ROOT } from '../../infra/paths.ts';
import { StatefulStack } from '../../infra/stateful-stack.ts';
import { StatelessStack } from '../../infra/stateless-stack.ts';

const WEB_FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'web-dist');

/** The parts of a synthesised CloudFormation resource these tests read. */
interface CfnResource {
  Type: string;
  Properties: Record<string, unknown>;
  DependsOn?: string[];
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

interface PolicyStatement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource?: unknown;
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

const WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

const asList = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);

function resourcesOfType(template: Template, type: string): Record<string, CfnResource> {
  return template.findResources(type) as Record<string, CfnResource>;
}

function onlyResourceOfType(template: Template, type: string): [string, CfnResource] {
  const found = Object.entries(resourcesOfType(template, type));
  expect(found, `exactly one ${type}`).toHaveLength(1);
  return found[0] as [string, CfnResource];
}

/** The alarm topic of the stateless stack (beside it, the mail feedback topic). */
function alarmTopic(): [string, CfnResource] {
  const found = Object.entries(resourcesOfType(stateless, 'AWS::SNS::Topic')).filter(([, topic]) =>
    String(topic.Properties.DisplayName).endsWith(' alarms'),
  );
  expect(found, 'exactly one alarm topic').toHaveLength(1);
  return found[0] as [string, CfnResource];
}

/** The logical id in `{ Ref: id }` or `{ 'Fn::GetAtt': [id, attribute] }`. */
function referencedId(value: unknown): string {
  const reference = value as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
  const id = reference.Ref ?? reference['Fn::GetAtt']?.[0];
  if (!id) throw new Error(`Not a reference: ${JSON.stringify(value)}`);
  return id;
}

/** The IAM policies attached to the execution role of the function with this logical id. */
function policiesOfFunction(template: Template, functionId: string): [string, CfnResource][] {
  const fn = resourcesOfType(template, 'AWS::Lambda::Function')[functionId];
  if (!fn) throw new Error(`No function ${functionId}`);
  const roleId = referencedId(fn.Properties.Role);
  return Object.entries(resourcesOfType(template, 'AWS::IAM::Policy')).filter(([, policy]) =>
    (policy.Properties.Roles as unknown[]).some((role) => referencedId(role) === roleId),
  );
}

function actionsOfFunction(template: Template, functionId: string): string[] {
  return policiesOfFunction(template, functionId)
    .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: PolicyStatement[] }).Statement)
    .filter((statement) => statement.Effect === 'Allow')
    .flatMap((statement) => asList(statement.Action));
}

// The CLI applies cdk.json's context (feature flags included); the tests build the app with the same.
const cdkJson = JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as {
  context: Record<string, unknown>;
};
const deployedRoutes = routes.filter((route) => !(endpoints[route.endpoint] as Endpoint).localOnly);

let app: App;
let stateful: Template;
/** The stateless stack itself: the API, the jobs, the web hosting, the alarm topic. */
let stateless: Template;

/** A nested stack of the stateless one: the functions of one tag's routes. */
interface NestedTemplate {
  tag: string;
  /** Its AWS::CloudFormation::Stack resource in the stateless stack. */
  resourceId: string;
  template: Template;
}
let routeFunctions: NestedTemplate[];
/** The stateless stack and every nested stack of it: where the functions are. */
let statelessTemplates: Template[];

/**
 * The stateless stack's resource that `value` (a Ref in `template`) names: in a nested stack, a
 * parameter the stateless stack passes in (the alarm topic, say) is followed back to it.
 */
function statelessResourceId(template: Template, value: unknown): string {
  const id = referencedId(value);
  const nested = routeFunctions.find((candidate) => candidate.template === template);
  if (!nested || !(id in (template.toJSON().Parameters ?? {}))) return id;
  const stackResource = resourcesOfType(stateless, 'AWS::CloudFormation::Stack')[nested.resourceId];
  const passedIn = (stackResource?.Properties.Parameters ?? {}) as Record<string, unknown>;
  return referencedId(passedIn[id]);
}

/** The function behind a route: route -> integration -> the function, here or in a nested stack (by its output). */
function functionOfRoute(route: Route): { template: Template; functionId: string } {
  const found = Object.values(resourcesOfType(stateless, 'AWS::ApiGatewayV2::Route')).find(
    (candidate) => candidate.Properties.RouteKey === routeKey(route),
  );
  if (!found) throw new Error(`No route for ${routeKey(route)}`);
  const target = found.Properties.Target as { 'Fn::Join': [string, unknown[]] };
  const integration = resourcesOfType(stateless, 'AWS::ApiGatewayV2::Integration')[
    referencedId(target['Fn::Join'][1][1])
  ];
  const uri = integration?.Properties.IntegrationUri as { 'Fn::GetAtt'?: [string, string] };
  const [stackId, attribute] = uri['Fn::GetAtt'] ?? [];
  const nested = routeFunctions.find((candidate) => candidate.resourceId === stackId);
  if (!nested || !attribute?.startsWith('Outputs.'))
    return { template: stateless, functionId: referencedId(uri) };
  const output = nested.template.toJSON().Outputs?.[attribute.slice('Outputs.'.length)] as { Value: unknown };
  return { template: nested.template, functionId: referencedId(output.Value) };
}

beforeAll(() => {
  // As every environment in cdk.json: the region set, the account left to the credentials. The
  // templates are what these tests read, so the functions are not bundled here (CDK's own switch for
  // it): `npm run synth` bundles every one through the CDK CLI, and test/integration/lambda-bundles
  // builds them all with the same options.
  app = new App({
    context: {
      ...cdkJson.context,
      alarmEmail: 'ops@example.eu',
      region: 'eu-west-1',
      [BUNDLING_STACKS]: [],
    },
  });
  const stacks = buildApp(app, 'test', { webAssetDir: WEB_FIXTURE });
  expect(stacks.stateful.stackName).toBe('IloNetwork-test-Stateful');
  expect(stacks.stateless.stackName).toBe('IloNetwork-test-Stateless');
  stateful = Template.fromStack(stacks.stateful);
  stateless = Template.fromStack(stacks.stateless);
  routeFunctions = stacks.stateless.routeFunctions.map((nested) => ({
    tag: nested.tag,
    resourceId: stacks.stateless.getLogicalId(nested.nestedStackResource as CfnElement),
    template: Template.fromStack(nested),
  }));
  statelessTemplates = [stateless, ...routeFunctions.map((nested) => nested.template)];
});

describe('stateful stack: the table', () => {
  it('has the keys and indexes of shared/table-design.ts', () => {
    const [, table] = onlyResourceOfType(stateful, 'AWS::DynamoDB::GlobalTable');
    const properties = table.Properties;
    expect(properties.KeySchema).toEqual([
      { AttributeName: tableDesign.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDesign.sortKey, KeyType: 'RANGE' },
    ]);
    expect(properties.GlobalSecondaryIndexes).toEqual(
      tableDesign.globalSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
    const keyAttributes = [
      tableDesign.partitionKey,
      tableDesign.sortKey,
      ...tableDesign.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
    ];
    expect(properties.AttributeDefinitions).toEqual(
      keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    );
  });

  it('is on-demand, with point-in-time recovery, deletion protection and TTL', () => {
    const [, table] = onlyResourceOfType(stateful, 'AWS::DynamoDB::GlobalTable');
    const properties = table.Properties;
    expect(properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(properties.TimeToLiveSpecification).toEqual({
      AttributeName: tableDesign.timeToLiveAttribute,
      Enabled: true,
    });
    const replicas = properties.Replicas as Record<string, unknown>[];
    expect(replicas).toHaveLength(1);
    expect(replicas[0]?.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(replicas[0]?.DeletionProtectionEnabled).toBe(true);
  });

  it('is retained when removed from the stack or replaced', () => {
    const [, table] = onlyResourceOfType(stateful, 'AWS::DynamoDB::GlobalTable');
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });
});

describe('stateful stack: the reports bucket', () => {
  const reportsBucket = (): [string, CfnResource] => {
    const found = Object.entries(resourcesOfType(stateful, 'AWS::S3::Bucket')).find(([id]) =>
      id.startsWith('ReportsBucket'),
    );
    if (!found) throw new Error('no reports bucket');
    return found;
  };

  it('is encrypted, private, versioned and retained, with its access logged', () => {
    const [, bucket] = reportsBucket();
    const properties = bucket.Properties;
    expect(properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    const logging = properties.LoggingConfiguration as {
      DestinationBucketName: unknown;
      LogFilePrefix: string;
    };
    expect(referencedId(logging.DestinationBucketName)).toMatch(/^AccessLogsBucket/);
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.UpdateReplacePolicy).toBe('Retain');
    // Objects are never deleted with the stack.
    stateful.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
  });

  it('every bucket of both stacks denies every request that does not use TLS', () => {
    for (const template of [stateful, ...statelessTemplates]) {
      const policies = Object.values(resourcesOfType(template, 'AWS::S3::BucketPolicy'));
      for (const [bucketId] of Object.entries(resourcesOfType(template, 'AWS::S3::Bucket'))) {
        const policy = policies.find((candidate) => referencedId(candidate.Properties.Bucket) === bucketId);
        const statements = (policy?.Properties.PolicyDocument as { Statement: PolicyStatement[] } | undefined)
          ?.Statement;
        const denyInsecure = (statements ?? []).filter(
          (statement) =>
            statement.Effect === 'Deny' && statement.Condition?.Bool?.['aws:SecureTransport'] === 'false',
        );
        expect(denyInsecure, bucketId).toHaveLength(1);
        expect(denyInsecure[0]?.Action, bucketId).toBe('s3:*');
        expect(denyInsecure[0]?.Principal, bucketId).toEqual({ AWS: '*' });
      }
    }
  });
});

describe('stateful stack: the user pool', () => {
  const organisationAttribute = ORGANISATION_CLAIM.replace('custom:', '');
  const roleAttribute = ROLE_CLAIM.replace('custom:', '');

  it('lets only administrators create users, and is retained', () => {
    const [, pool] = onlyResourceOfType(stateful, 'AWS::Cognito::UserPool');
    expect(pool.Properties.AdminCreateUserConfig).toMatchObject({ AllowAdminCreateUserOnly: true });
    expect(pool.DeletionPolicy).toBe('Retain');
  });

  it('has the custom string attributes the ID token carries as custom:organisation and custom:role', () => {
    const [, pool] = onlyResourceOfType(stateful, 'AWS::Cognito::UserPool');
    const schema = pool.Properties.Schema as { Name: string; AttributeDataType?: string }[];
    for (const name of [organisationAttribute, roleAttribute]) {
      expect(schema.find((attribute) => attribute.Name === name)?.AttributeDataType).toBe('String');
    }
  });

  it('requires an authenticator app (TOTP, no SMS) and a strong password, on the Plus plan with threat protection enforced', () => {
    const [, pool] = onlyResourceOfType(stateful, 'AWS::Cognito::UserPool');
    expect(pool.Properties.MfaConfiguration).toBe('ON');
    expect(pool.Properties.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    const policy = (pool.Properties.Policies as { PasswordPolicy: Record<string, unknown> }).PasswordPolicy;
    expect(policy).toMatchObject({
      MinimumLength: 14,
      RequireLowercase: true,
      RequireUppercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
      TemporaryPasswordValidityDays: 3,
    });
    expect(pool.Properties.UserPoolTier).toBe('PLUS');
    expect(pool.Properties.UserPoolAddOns).toEqual({ AdvancedSecurityMode: 'ENFORCED' });
  });

  it('has a hosted sign-in domain', () => {
    const [, domain] = onlyResourceOfType(stateful, 'AWS::Cognito::UserPoolDomain');
    expect(JSON.stringify(domain.Properties.Domain)).toContain('ilo-network-test-');
  });
});

describe('stateless stack: the web client', () => {
  it('is public, on the authorization code flow only, calling back to the CloudFront origin', () => {
    const [, client] = onlyResourceOfType(stateless, 'AWS::Cognito::UserPoolClient');
    const properties = client.Properties;
    expect(properties.GenerateSecret).toBe(false);
    expect(properties.AllowedOAuthFlows).toEqual(['code']);
    expect(properties.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(properties.AllowedOAuthScopes).toEqual(expect.arrayContaining(['openid', 'email', 'profile']));
    // No password flow through the client: every sign-in goes through the hosted pages (and MFA).
    expect(properties.ExplicitAuthFlows).toEqual(['ALLOW_REFRESH_TOKEN_AUTH']);
    const callbacks = JSON.stringify(properties.CallbackURLs);
    expect(callbacks).toContain('"WebDistribution');
    expect(callbacks).toContain('"DomainName"');
    expect(callbacks).toContain(SIGN_IN_CALLBACK_PATH);
    expect(JSON.stringify(properties.LogoutURLs)).toContain(SIGNED_OUT_PATH);
    // The 'test' environment names no other origin: no localhost, no wildcard.
    expect(callbacks).not.toContain('localhost');
    expect(callbacks).not.toContain('*');
  });

  it('may read but not write the organisation and role claims', () => {
    const [, client] = onlyResourceOfType(stateless, 'AWS::Cognito::UserPoolClient');
    const properties = client.Properties;
    expect(properties.ReadAttributes).toEqual(expect.arrayContaining([ORGANISATION_CLAIM, ROLE_CLAIM]));
    expect(properties.WriteAttributes).not.toContain(ORGANISATION_CLAIM);
    expect(properties.WriteAttributes).not.toContain(ROLE_CLAIM);
  });
});

describe('stateless stack: functions', () => {
  // The Trigger construct brings its own provider function (runtime and architecture chosen by CDK).
  const ourFunctionsIn = (template: Template) =>
    // Ours say which handler file they run; CDK's own helpers (trigger, bucket deployment) do not.
    Object.entries(resourcesOfType(template, 'AWS::Lambda::Function')).filter(([, fn]) =>
      String(fn.Properties.Description ?? '').includes('(functions/'),
    );
  // The jobs' in the stateless stack, the routes' in its nested stacks.
  const ourFunctions = () => statelessTemplates.flatMap(ourFunctionsIn);

  it('has one function per deployed route and one per job', () => {
    expect(ourFunctions()).toHaveLength(deployedRoutes.length + Object.keys(jobs).length);
  });

  it('runs every function on Node.js 22, arm64, with the configuration functions/lib/config.ts reads', () => {
    for (const [id, fn] of ourFunctions()) {
      const properties = fn.Properties;
      expect(properties.Runtime, id).toBe('nodejs22.x');
      expect(properties.Architectures, id).toEqual(['arm64']);
      expect(properties.Handler, id).toBe('index.handler');
      expect(properties.TracingConfig, id).toEqual({ Mode: 'Active' });
      expect((properties.LoggingConfig as { LogFormat: string }).LogFormat, id).toBe('JSON');
      const variables = (properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(Object.keys(variables), id).toEqual(
        expect.arrayContaining(['TABLE_NAME', 'REPORTS_BUCKET', 'APP_VERSION', 'POWERTOOLS_SERVICE_NAME']),
      );
      expect(variables.NODE_OPTIONS, id).toBe('--enable-source-maps');
    }
  });

  it('gives every function its own role, with no AWS-managed policy', () => {
    const roleIds = new Set<string>();
    for (const [index, template] of statelessTemplates.entries()) {
      const roles = resourcesOfType(template, 'AWS::IAM::Role');
      for (const [id, fn] of ourFunctionsIn(template)) {
        const roleId = referencedId(fn.Properties.Role);
        expect(roles[roleId], id).toBeDefined();
        roleIds.add(`${index}/${roleId}`);
        expect(roles[roleId]?.Properties.ManagedPolicyArns, id).toBeUndefined();
      }
    }
    expect(roleIds.size).toBe(ourFunctions().length);
  });

  it('alarms on the errors and throttles of every function, to the alarm topic', () => {
    const [topicId] = alarmTopic();
    // Each function's alarms are in its own stack; a nested stack's name the topic by a parameter.
    for (const template of statelessTemplates) {
      const alarms = Object.values(resourcesOfType(template, 'AWS::CloudWatch::Alarm'));
      for (const [id] of ourFunctionsIn(template)) {
        for (const metric of ['Errors', 'Throttles']) {
          const alarm = alarms.find(
            (candidate) =>
              candidate.Properties.MetricName === metric &&
              JSON.stringify(candidate.Properties.Dimensions).includes(`"Ref":"${id}"`),
          );
          expect(alarm, `${metric} alarm of ${id}`).toBeDefined();
          expect(alarm?.Properties.Threshold).toBe(1);
          expect(
            ((alarm?.Properties.AlarmActions ?? []) as unknown[]).map((action) =>
              statelessResourceId(template, action),
            ),
          ).toEqual([topicId]);
        }
      }
    }
  });

  it('gives every function its own log group with an explicit retention', () => {
    const expectedRetention = deploymentEnvironment('test').logRetention;
    for (const template of statelessTemplates) {
      const logGroups = resourcesOfType(template, 'AWS::Logs::LogGroup');
      for (const [id, fn] of ourFunctionsIn(template)) {
        const logGroupId = referencedId((fn.Properties.LoggingConfig as { LogGroup: unknown }).LogGroup);
        expect(logGroups[logGroupId]?.Properties.RetentionInDays, id).toBe(expectedRetention);
      }
    }
  });
});

describe('stateless stack: HTTP API', () => {
  const routesByKey = () =>
    new Map(
      Object.entries(resourcesOfType(stateless, 'AWS::ApiGatewayV2::Route')).map(([id, route]) => [
        route.Properties.RouteKey as string,
        { id, properties: route.Properties },
      ]),
    );

  it('has exactly one route per row of functions/routes.ts', () => {
    const keys = [...routesByKey().keys()].sort();
    expect(keys).toEqual(deployedRoutes.map(routeKey).sort());
    expect(keys).toContain('GET /api/health');
  });

  it('has no route to the local-only dev login', () => {
    expect([...routesByKey().keys()].some((key) => key.includes('/api/dev/login'))).toBe(false);
    expect(routesByKey().has(`${endpoints.devLogin.method} ${endpoints.devLogin.path}`)).toBe(false);
  });

  it('puts the JWT authorizer on signed-in routes and none on public ones', () => {
    const [authorizerId] = onlyResourceOfType(stateless, 'AWS::ApiGatewayV2::Authorizer');
    for (const route of deployedRoutes) {
      const endpoint: Endpoint = endpoints[route.endpoint];
      const found = routesByKey().get(routeKey(route));
      if (!found) throw new Error(`No route for ${routeKey(route)}`);
      if (endpoint.access === 'signed-in') {
        expect(found.properties.AuthorizationType, routeKey(route)).toBe('JWT');
        expect(referencedId(found.properties.AuthorizerId), routeKey(route)).toBe(authorizerId);
      } else {
        expect(found.properties.AuthorizationType, routeKey(route)).toBe('NONE');
        expect(found.properties.AuthorizerId, routeKey(route)).toBeUndefined();
      }
    }
  });

  it('checks Cognito ID tokens: the user pool issuer and the web client audience', () => {
    const [, authorizer] = onlyResourceOfType(stateless, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizer.Properties.AuthorizerType).toBe('JWT');
    expect(authorizer.Properties.IdentitySource).toEqual(['$request.header.Authorization']);
    const { Issuer, Audience } = authorizer.Properties.JwtConfiguration as {
      Issuer: unknown;
      Audience: unknown[];
    };
    const issuer = JSON.stringify(Issuer);
    expect(issuer).toMatch(/^\{"Fn::Join":\["",\["https:\/\/cognito-idp\./);
    expect(issuer).toContain('.amazonaws.com/');
    expect(issuer).toContain('UserPool');
    expect(Audience).toHaveLength(1);
    expect(JSON.stringify(Audience[0])).toContain('WebClient');
  });

  it('sends each route to the function built from its handler file', () => {
    const functionIds = new Set<string>();
    for (const route of deployedRoutes) {
      const { template, functionId } = functionOfRoute(route);
      const functions = resourcesOfType(template, 'AWS::Lambda::Function');
      functionIds.add(functionId);
      expect(functions[functionId]?.Properties.Description).toBe(
        `${routeKey(route)} (functions/${route.entry})`,
      );
    }
    expect(functionIds.size).toBe(deployedRoutes.length);
  });

  it('throttles every route and writes a JSON access log line per request', () => {
    const [, stage] = onlyResourceOfType(stateless, 'AWS::ApiGatewayV2::Stage');
    expect(stage.Properties.StageName).toBe('$default');
    expect(stage.Properties.DefaultRouteSettings).toEqual({
      ThrottlingRateLimit: 50,
      ThrottlingBurstLimit: 100,
    });
    const settings = stage.Properties.AccessLogSettings as { DestinationArn: unknown; Format: string };
    const logGroupId = referencedId(settings.DestinationArn);
    expect(resourcesOfType(stateless, 'AWS::Logs::LogGroup')[logGroupId]).toBeDefined();
    const format = JSON.parse(settings.Format) as Record<string, string>;
    expect(format).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
  });

  it('answers no cross-origin browser request unless the environment names its origins', () => {
    const [, api] = onlyResourceOfType(stateless, 'AWS::ApiGatewayV2::Api');
    expect(api.Properties.CorsConfiguration).toBeUndefined();
  });

  it('alarms on 5xx answers and on messages in either dead-letter queue', () => {
    const alarms = Object.values(resourcesOfType(stateless, 'AWS::CloudWatch::Alarm'));
    expect(alarms.some((alarm) => alarm.Properties.MetricName === '5xx')).toBe(true);
    const deadLetterAlarms = alarms.filter(
      (alarm) => alarm.Properties.MetricName === 'ApproximateNumberOfMessagesVisible',
    );
    expect(deadLetterAlarms).toHaveLength(2);
  });

  it('sends alarms to a KMS-encrypted topic, TLS only, e-mailed to the configured address', () => {
    const [topicId, topic] = alarmTopic();
    expect(topic.Properties.KmsMasterKeyId).toBeDefined();
    const subscriptions = Object.values(resourcesOfType(stateless, 'AWS::SNS::Subscription')).filter(
      (candidate) => referencedId(candidate.Properties.TopicArn) === topicId,
    );
    expect(subscriptions).toHaveLength(1);
    const [subscription] = subscriptions as [(typeof subscriptions)[number]];
    expect(subscription.Properties).toMatchObject({ Protocol: 'email', Endpoint: 'ops@example.eu' });
    const [topicPolicy] = Object.values(resourcesOfType(stateless, 'AWS::SNS::TopicPolicy')).filter(
      (policy) => (policy.Properties.Topics as unknown[]).some((t) => referencedId(t) === topicId),
    );
    if (!topicPolicy) throw new Error('the alarm topic has no topic policy');
    expect(JSON.stringify(topicPolicy.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
  });

  it('outputs the API URL', () => {
    const outputs = stateless.findOutputs('ApiUrl');
    expect(Object.keys(outputs)).toEqual(['ApiUrl']);
  });
});

describe('stateless stack: permissions', () => {
  it('grants no wildcard actions in any policy', () => {
    for (const policy of statelessTemplates.flatMap((template) =>
      Object.values(resourcesOfType(template, 'AWS::IAM::Policy')),
    )) {
      const statements = (policy.Properties.PolicyDocument as { Statement: PolicyStatement[] }).Statement;
      for (const statement of statements) {
        const actions = asList(statement.Action);
        expect(actions).not.toContain('*');
        expect(actions).not.toContain('dynamodb:*');
      }
    }
  });

  it('denies every function any update or delete of an audit entry (append-only trail)', () => {
    const functions = statelessTemplates.flatMap((template) =>
      Object.entries(resourcesOfType(template, 'AWS::Lambda::Function'))
        .filter(([, fn]) => String(fn.Properties.Description ?? '').includes('(functions/'))
        .map(([id]) => [template, id] as const),
    );
    for (const [template, id] of functions) {
      const denies = policiesOfFunction(template, id)
        .flatMap(
          ([, policy]) => (policy.Properties.PolicyDocument as { Statement: PolicyStatement[] }).Statement,
        )
        .filter((statement) => statement.Effect === 'Deny');
      expect(denies, id).toHaveLength(1);
      expect(asList(denies[0]?.Action ?? [])).toEqual(
        expect.arrayContaining(['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']),
      );
      expect(denies[0]?.Condition).toEqual({
        'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['AUDIT#*'] },
      });
    }
  });

  it('gives each route handler the table access its route declares: read-only unless it writes, never Scan', () => {
    expect(deployedRoutes.some((route) => route.table === 'read-write')).toBe(true);
    for (const route of deployedRoutes) {
      const { template, functionId } = functionOfRoute(route);
      const actions = actionsOfFunction(template, functionId);
      expect(actions, routeKey(route)).toEqual(
        expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']),
      );
      if (route.table === 'read-write') {
        expect(actions, routeKey(route)).toEqual(expect.arrayContaining(['dynamodb:PutItem']));
      } else {
        for (const write of WRITE_ACTIONS) expect(actions, routeKey(route)).not.toContain(write);
      }
      expect(actions, routeKey(route)).not.toContain('dynamodb:Scan');
    }
  });

  it('runs the personal-data erasure job daily, with the configured retention', () => {
    const functions = resourcesOfType(stateless, 'AWS::Lambda::Function');
    const [eraseId, erase] =
      Object.entries(functions).find(([, fn]) =>
        String(fn.Properties.Description).includes(jobs.erasePersonalData.entry),
      ) ?? [];
    expect(erase).toBeDefined();
    const variables = (erase?.Properties.Environment as { Variables: Record<string, unknown> } | undefined)
      ?.Variables;
    expect(variables?.PERSONAL_DATA_RETENTION_MONTHS).toBe('24');
    const rules = Object.values(resourcesOfType(stateless, 'AWS::Events::Rule'));
    const rule = rules.find((r) => JSON.stringify(r.Properties.Targets).includes(String(eraseId)));
    expect(rule?.Properties.ScheduleExpression).toBe('cron(30 1 * * ? *)');
  });

  it('generates reports from an encrypted queue with a dead-letter queue, retrying only failed messages', () => {
    const queues = Object.values(resourcesOfType(stateless, 'AWS::SQS::Queue'));
    const main = queues.find((q) => q.Properties.RedrivePolicy);
    if (!main) throw new Error('no queue with a redrive policy');
    expect((main.Properties.RedrivePolicy as { maxReceiveCount: number }).maxReceiveCount).toBe(3);
    expect(main.Properties.SqsManagedSseEnabled).toBe(true);
    const [, mapping] = onlyResourceOfType(stateless, 'AWS::Lambda::EventSourceMapping');
    expect(mapping.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    const functions = resourcesOfType(stateless, 'AWS::Lambda::Function');
    const generatorId = referencedId(mapping.Properties.FunctionName);
    const generator = functions[generatorId];
    if (!generator) throw new Error('no generator function');
    const variables = (generator.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    // A redelivered message takes over its dead attempt's generation lease only once that attempt is
    // surely over: the queue hides a message for at least six times the generator's timeout.
    expect(main.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(
      6 * Number(generator.Properties.Timeout),
    );
    expect(variables.REPORT_FONT_DIR).toBe('/var/task/fonts');
    expect(variables.REPORT_CLASSIFICATION).toBe('LIMITE');
    expect(actionsOfFunction(stateless, generatorId)).toEqual(expect.arrayContaining(['s3:PutObject']));
  });

  it('closes semesters at each boundary, midnight in Brussels, with retries and a dead-letter queue', () => {
    const [, schedule] = onlyResourceOfType(stateless, 'AWS::Scheduler::Schedule');
    expect(schedule.Properties.ScheduleExpression).toBe('cron(0 0 1 1,7 ? *)');
    expect(schedule.Properties.ScheduleExpressionTimezone).toBe('Europe/Brussels');
    const target = schedule.Properties.Target as {
      Input: string;
      RetryPolicy: { MaximumRetryAttempts: number };
      DeadLetterConfig: { Arn: unknown };
    };
    expect(JSON.parse(target.Input)).toEqual({ time: '<aws.scheduler.scheduled-time>' });
    expect(target.RetryPolicy.MaximumRetryAttempts).toBe(20);
    expect(target.DeadLetterConfig.Arn).toBeDefined();
  });

  it('hosts the web app in a private bucket behind CloudFront, with the API on the same origin and security headers', () => {
    const [, distribution] = onlyResourceOfType(stateless, 'AWS::CloudFront::Distribution');
    const config = distribution.Properties.DistributionConfig as {
      DefaultRootObject: string;
      Origins: {
        S3OriginConfig?: unknown;
        OriginAccessControlId?: unknown;
        CustomOriginConfig?: { OriginProtocolPolicy: string };
      }[];
      CacheBehaviors: { PathPattern: string; ViewerProtocolPolicy: string }[];
      DefaultCacheBehavior: { ViewerProtocolPolicy: string; FunctionAssociations: unknown[] };
    };
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.Origins.some((o) => o.OriginAccessControlId !== undefined)).toBe(true);
    expect(config.Origins.find((o) => o.CustomOriginConfig)?.CustomOriginConfig?.OriginProtocolPolicy).toBe(
      'https-only',
    );
    expect(config.CacheBehaviors.map((b) => b.PathPattern)).toEqual(['/api/*']);
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.DefaultCacheBehavior.FunctionAssociations).toHaveLength(1);
    const [, headers] = onlyResourceOfType(stateless, 'AWS::CloudFront::ResponseHeadersPolicy');
    const security = (
      headers.Properties.ResponseHeadersPolicyConfig as {
        SecurityHeadersConfig: Record<string, Record<string, unknown>>;
      }
    ).SecurityHeadersConfig;
    // A Fn::Join: the sign-in domain is known at deployment only.
    const policyText = JSON.stringify(security.ContentSecurityPolicy?.ContentSecurityPolicy);
    expect(policyText).toContain("frame-ancestors 'none'");
    expect(policyText).toMatch(/style-src 'self' 'sha256-/);
    expect(security.StrictTransportSecurity?.AccessControlMaxAgeSec).toBe(63_072_000);
    expect(security.FrameOptions?.FrameOption).toBe('DENY');
    const buckets = Object.values(resourcesOfType(stateless, 'AWS::S3::Bucket'));
    for (const bucket of buckets) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
    }
    const deployment = Object.values(resourcesOfType(stateless, 'Custom::CDKBucketDeployment'))[0];
    // config.json is generated at deployment from the stateful stack's user pool and web client.
    const markers = JSON.stringify(deployment?.Properties.SourceMarkers);
    expect(markers).toContain('UserPool');
    expect(markers).toContain('WebClient');
    expect(markers).toContain('SignInDomain');
    // The sign-in completes by a call to the hosted domain's token endpoint: the CSP allows it, and only it.
    const csp = JSON.stringify(security.ContentSecurityPolicy?.ContentSecurityPolicy);
    expect(csp).toMatch(/connect-src 'self' https:\/\/.*amazoncognito\.com/);
    const [, distributionLogging] = onlyResourceOfType(stateless, 'AWS::CloudFront::Distribution');
    expect(
      (distributionLogging.Properties.DistributionConfig as { Logging?: { Prefix: string } }).Logging?.Prefix,
    ).toBe('cloudfront/');
  });

  it('lets only the functions that need it touch the reports bucket or the queue', () => {
    for (const route of deployedRoutes) {
      const { template, functionId } = functionOfRoute(route);
      const actions = actionsOfFunction(template, functionId);
      expect(
        actions.some((a) => a.startsWith('s3:')),
        routeKey(route),
      ).toBe(route.bucket !== undefined);
      expect(actions.includes('sqs:SendMessage'), routeKey(route)).toBe(route.sendsToReportQueue === true);
      if (route.bucket === 'read') expect(actions, routeKey(route)).not.toContain('s3:PutObject');
    }
  });

  it('grants the people functions exactly the Cognito actions they call, on the user pool alone, with USER_POOL_ID', () => {
    const peopleRoutes = deployedRoutes.filter((route) => route.identityActions);
    expect(peopleRoutes.map((route) => route.endpoint).sort()).toEqual([
      'createPerson',
      'disablePerson',
      'enablePerson',
      'updatePerson',
    ]);
    for (const route of deployedRoutes) {
      const { template, functionId } = functionOfRoute(route);
      const statements = policiesOfFunction(template, functionId)
        .flatMap(
          ([, policy]) => (policy.Properties.PolicyDocument as { Statement: PolicyStatement[] }).Statement,
        )
        .filter((statement) => asList(statement.Action).some((action) => action.startsWith('cognito-idp:')));
      const granted = [...new Set(statements.flatMap((statement) => asList(statement.Action)))].sort();
      expect(granted, routeKey(route)).toEqual([...new Set(route.identityActions ?? [])].sort());
      for (const statement of statements) {
        expect(statement.Effect).toBe('Allow');
        // The pool's ARN (imported from the stateful stack), never a wildcard.
        expect(JSON.stringify(statement.Resource), routeKey(route)).toMatch(/UserPool.*Arn/);
        expect(JSON.stringify(statement.Resource)).not.toContain('*');
      }
      const fn = resourcesOfType(template, 'AWS::Lambda::Function')[functionId];
      if (!fn) throw new Error(`No function ${functionId}`);
      const environment = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect('USER_POOL_ID' in environment, routeKey(route)).toBe(route.identityActions !== undefined);
    }
    expect(peopleRoutes.find((r) => r.endpoint === 'disablePerson')?.identityActions).toEqual([
      'cognito-idp:AdminDisableUser',
      'cognito-idp:AdminUserGlobalSignOut',
    ]);
  });

  it('runs the seed job after each deployment that changes it, with write access', () => {
    const [, trigger] = onlyResourceOfType(stateless, 'Custom::Trigger');
    const versionId = referencedId(trigger.Properties.HandlerArn);
    const version = resourcesOfType(stateless, 'AWS::Lambda::Version')[versionId];
    const seedFunctionId = referencedId(version?.Properties.FunctionName);
    const seedFunction = resourcesOfType(stateless, 'AWS::Lambda::Function')[seedFunctionId];
    expect(seedFunction?.Properties.Description).toContain('functions/handlers/seed-reference.ts');
    expect(trigger.Properties.InvocationType).toBe('RequestResponse');
    expect(actionsOfFunction(stateless, seedFunctionId)).toEqual(
      expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:Query']),
    );
    // Not before the function's permissions exist.
    const policyIds = policiesOfFunction(stateless, seedFunctionId).map(([id]) => id);
    expect(policyIds).toHaveLength(1);
    expect(trigger.DependsOn).toEqual(expect.arrayContaining(policyIds));
  });

  it("records each sign-in with the user pool's post-authentication trigger: the function it names, invoked by Cognito for that pool only, granted the table alone", () => {
    const functionName = 'ilo-network-test-post-authentication';
    const [, pool] = onlyResourceOfType(stateful, 'AWS::Cognito::UserPool');
    const lambdaConfig = pool.Properties.LambdaConfig as { PostAuthentication?: unknown };
    expect(JSON.stringify(lambdaConfig.PostAuthentication)).toContain(`:function:${functionName}`);

    const [functionId, fn] = Object.entries(resourcesOfType(stateless, 'AWS::Lambda::Function')).find(
      ([, candidate]) => candidate.Properties.FunctionName === functionName,
    ) ?? ['', undefined];
    expect(fn?.Properties.Description).toContain(jobs.recordSignIn.entry);

    const invocations = Object.values(resourcesOfType(stateless, 'AWS::Lambda::Permission')).filter(
      (permission) => JSON.stringify(permission.Properties.FunctionName).includes(functionId),
    );
    expect(invocations).toHaveLength(1);
    expect(invocations[0]?.Properties).toMatchObject({
      Action: 'lambda:InvokeFunction',
      Principal: 'cognito-idp.amazonaws.com',
    });
    // The pool's ARN (imported from the stateful stack), never any pool.
    expect(JSON.stringify(invocations[0]?.Properties.SourceArn)).toMatch(/UserPool.*Arn/);

    const actions = actionsOfFunction(stateless, functionId);
    expect(actions).toContain('dynamodb:UpdateItem');
    expect(actions.filter((action) => !/^(dynamodb|logs|xray):/.test(action))).toEqual([]);
  });
});

describe('stateless stack: nested stacks under the resource limit', () => {
  // CloudFormation refuses a stack (nested ones included) of more than 500 resources; this margin
  // makes the route that would come near it fail here first, with what to do about it.
  const RESOURCE_MARGIN = 400;

  it('keeps the stateless stack and every nested stack at most 400 resources', () => {
    const parentCount = Object.keys(stateless.toJSON().Resources).length;
    expect(
      parentCount,
      `IloNetwork-test-Stateless holds ${parentCount} resources (CloudFormation allows 500). It keeps each route's API route, integration and Lambda permission: move more out of it into nested stacks (infra/stateless-stack.ts), e.g. the jobs, or each tag's routes and integrations beside its functions.`,
    ).toBeLessThanOrEqual(RESOURCE_MARGIN);
    for (const nested of routeFunctions) {
      const count = Object.keys(nested.template.toJSON().Resources).length;
      expect(
        count,
        `The nested stack of the ${nested.tag} routes holds ${count} resources (CloudFormation allows 500): split its functions over two nested stacks (infra/stateless-stack.ts groups them by endpoint tag).`,
      ).toBeLessThanOrEqual(RESOURCE_MARGIN);
    }
  });

  it("puts each route's function, role, log group and alarms in the nested stack of its endpoint's tag", () => {
    const tags = new Set(deployedRoutes.map((route) => (endpoints[route.endpoint] as Endpoint).tag));
    expect(routeFunctions.map((nested) => nested.tag).sort()).toEqual([...tags].sort());
    for (const route of deployedRoutes) {
      const { template } = functionOfRoute(route);
      const nested = routeFunctions.find((candidate) => candidate.template === template);
      expect(nested?.tag, routeKey(route)).toBe((endpoints[route.endpoint] as Endpoint).tag);
    }
    // The parent keeps the jobs' functions only.
    expect(
      Object.values(resourcesOfType(stateless, 'AWS::Lambda::Function')).filter((fn) =>
        String(fn.Properties.Description ?? '').startsWith('Job: '),
      ),
    ).toHaveLength(Object.keys(jobs).length);
  });
});

describe('stateless stack: local-only endpoints', () => {
  it('gets no route and no function for a local-only row, even if routes.ts lists one', () => {
    const app = new App({ context: { ...cdkJson.context, [BUNDLING_STACKS]: [] } });
    const deployment = deploymentEnvironment('test');
    const stateful = new StatefulStack(app, 'Stateful', { deployment });
    const stack = new StatelessStack(app, 'Stateless', {
      deployment,
      appVersion: '0.0.0',
      table: stateful.table,
      reportsBucket: stateful.reportsBucket,
      userPool: stateful.userPool,
      signInDomain: stateful.signInDomain,
      accessLogsBucket: stateful.accessLogsBucket,
      webAssetDir: WEB_FIXTURE,
      routes: [
        { endpoint: 'devLogin', entry: 'handlers/health.ts' },
        { endpoint: 'health', entry: 'handlers/health.ts' },
      ],
    });
    const template = Template.fromStack(stack);
    const routeKeys = Object.values(resourcesOfType(template, 'AWS::ApiGatewayV2::Route')).map(
      (route) => route.Properties.RouteKey,
    );
    expect(routeKeys).toEqual(['GET /api/health']);
    // The routes' functions are in the nested stacks.
    const descriptions = [template, ...stack.routeFunctions.map((nested) => Template.fromStack(nested))]
      .flatMap((candidate) => Object.values(resourcesOfType(candidate, 'AWS::Lambda::Function')))
      .map((fn) => fn.Properties.Description);
    expect(descriptions.filter((description) => String(description).includes('/api/dev/login'))).toEqual([]);
  });
});

describe('cdk-nag', () => {
  it('finds nothing unacknowledged in either stack (AWS Solutions rules)', () => {
    const report = new AwsSolutionsChecks(app).validateScope(app);
    const findings = report.violations.flatMap((violation) =>
      violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}`),
    );
    expect(findings).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('would report a finding: an unencrypted queue without TLS enforcement fails the check', () => {
    // Proves the check above can fail: the same plugin over a stack with a known violation.
    const scratch = new App();
    const stack = new Stack(scratch, 'Scratch');
    new Queue(stack, 'Plain', { encryption: QueueEncryption.UNENCRYPTED });
    const report = new AwsSolutionsChecks(scratch).validateScope(scratch);
    expect(report.violations.map((violation) => violation.ruleName)).toEqual(
      expect.arrayContaining(['AwsSolutions-SQS3', 'AwsSolutions-SQS4']),
    );
  });
});

describe('deployment environments', () => {
  it('reads per-environment settings from cdk.json; staging and prod name their region', () => {
    const environments = cdkJson.context.environments as Record<string, Record<string, unknown>>;
    for (const name of ['staging', 'prod']) {
      const deployment = deploymentEnvironment(name, environments[name]);
      expect(deployment.region, name).toMatch(/^eu-/);
      expect(deployment.classification, name).toBe('LIMITE');
      expect(deployment.webOrigins, name).toEqual([]);
    }
    expect(deploymentEnvironment('dev', environments.dev).webOrigins).toEqual(['http://localhost:5173']);
  });

  it('says which setting is wrong and how', () => {
    expect(() => deploymentEnvironment('prod', { account: '12345', alarmEmail: 'not-an-address' })).toThrow(
      /account: must be a 12-digit AWS account id[\s\S]*alarmEmail: must be an e-mail address/,
    );
    expect(() => deploymentEnvironment('prod', { webOrigins: 'https://ilo.example.eu/' })).toThrow(
      /webOrigins/,
    );
    expect(() => deploymentEnvironment('prod', { personalDataRetentionMonths: 0 })).toThrow(
      /1 to 120 months/,
    );
    expect(() => deploymentEnvironment('prod', { colour: 'blue' } as never)).toThrow(/colour/);
  });

  it('takes a comma-separated list of origins from the command line', () => {
    expect(
      deploymentEnvironment('prod', { webOrigins: 'https://a.example.eu, https://b.example.eu' }).webOrigins,
    ).toEqual(['https://a.example.eu', 'https://b.example.eu']);
  });

  it('keeps production logs longer and retains them', () => {
    const production = deploymentEnvironment('prod');
    const development = deploymentEnvironment('dev');
    expect(production.isProduction).toBe(true);
    expect(production.logRetention).toBeGreaterThan(development.logRetention);
    expect(production.logRemovalPolicy).toBe('retain');
    expect(development.logRemovalPolicy).toBe('destroy');
  });

  it('rejects a name that cannot be part of a stack name', () => {
    expect(() => deploymentEnvironment('Prod Env')).toThrow(/Invalid environment name/);
  });
});

describe('mail: SES identity, configuration set, bounces and complaints, least privilege', () => {
  it('keeps the SES identity of the mail domain in the stateful stack, retained, with DKIM', () => {
    const [, identity] = onlyResourceOfType(stateful, 'AWS::SES::EmailIdentity');
    expect(identity.Properties.EmailIdentity).toBe('test.ilo-network.example.eu');
    expect(identity.Properties.DkimSigningAttributes).toEqual({ NextSigningKeyLength: 'RSA_2048_BIT' });
    expect(identity.DeletionPolicy).toBe('Retain');
    expect(identity.UpdateReplacePolicy).toBe('Retain');
    expect(Object.keys(stateful.toJSON().Outputs)).toEqual(
      expect.arrayContaining(['MailDkimRecord1', 'MailDkimRecord2', 'MailDkimRecord3']),
    );
  });

  it('publishes the configuration set’s bounces and complaints (only) to a topic the sesFeedback job reads', () => {
    const [configurationSetId, configurationSet] = onlyResourceOfType(
      stateless,
      'AWS::SES::ConfigurationSet',
    );
    expect(configurationSet.Properties.Name).toBe('ilo-network-test-mail');
    const [, destination] = onlyResourceOfType(stateless, 'AWS::SES::ConfigurationSetEventDestination');
    const eventDestination = destination.Properties.EventDestination as {
      Enabled: boolean;
      MatchingEventTypes: string[];
      SnsDestination: { TopicARN: unknown };
    };
    expect(eventDestination.Enabled).toBe(true);
    expect([...eventDestination.MatchingEventTypes].sort()).toEqual(['bounce', 'complaint']);
    const topicId = referencedId(eventDestination.SnsDestination.TopicARN);
    const topic = resourcesOfType(stateless, 'AWS::SNS::Topic')[topicId];
    expect(topic?.Properties.KmsMasterKeyId, 'an encrypted topic').toBeDefined();

    // SES may publish to it, for this configuration set only.
    const policies = Object.values(resourcesOfType(stateless, 'AWS::SNS::TopicPolicy')).filter((policy) =>
      (policy.Properties.Topics as unknown[]).some((t) => referencedId(t) === topicId),
    );
    const statements = policies.flatMap(
      (policy) => (policy.Properties.PolicyDocument as { Statement: PolicyStatement[] }).Statement,
    );
    const sesPublish = statements.find(
      (statement) => JSON.stringify(statement.Principal) === JSON.stringify({ Service: 'ses.amazonaws.com' }),
    );
    expect(sesPublish?.Action).toBe('sns:Publish');
    // The condition's ARN ends in the configuration set's name, by a Ref to it.
    const condition = JSON.stringify(sesPublish?.Condition);
    expect(condition).toContain(':configuration-set/');
    expect(condition).toContain(JSON.stringify({ Ref: configurationSetId }));

    // The sesFeedback job's function is the topic's one subscriber, and SNS may invoke it.
    const subscriptions = Object.values(resourcesOfType(stateless, 'AWS::SNS::Subscription')).filter(
      (subscription) => referencedId(subscription.Properties.TopicArn) === topicId,
    );
    expect(subscriptions).toHaveLength(1);
    expect(subscriptions[0]?.Properties.Protocol).toBe('lambda');
    const functionId = referencedId(subscriptions[0]?.Properties.Endpoint);
    const fn = resourcesOfType(stateless, 'AWS::Lambda::Function')[functionId];
    expect(String(fn?.Properties.Description)).toContain(jobs.sesFeedback.entry);
    const invokes = Object.values(resourcesOfType(stateless, 'AWS::Lambda::Permission')).filter(
      (permission) =>
        referencedId(permission.Properties.FunctionName) === functionId &&
        permission.Properties.Principal === 'sns.amazonaws.com',
    );
    expect(invokes).toHaveLength(1);
    expect(referencedId(invokes[0]?.Properties.SourceArn)).toBe(topicId);
    // It writes the table (the suppression list, the person's mark) and sends no mail itself.
    const actions = actionsOfFunction(stateless, functionId);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:UpdateItem', 'dynamodb:GetItem']));
    expect(actions.filter((action) => action.startsWith('ses:'))).toEqual([]);
  });

  it('grantSendMail allows sending on the identity and the configuration set only, and sets the transport', () => {
    // The helper on its own, over a small stack: the functions of the app are not rebuilt for it.
    const scratch = new App();
    const stack = new Stack(scratch, 'MailScratch', {
      env: { account: '123456789012', region: 'eu-west-1' },
    });
    const deployment = deploymentEnvironment('prod', {
      mailDomain: 'ilo-network.example.eu',
      mailFromAddress: 'notifications@ilo-network.example.eu',
    });
    const code = lambda.Code.fromInline('exports.handler = async () => {};');
    const feedbackFunction = new lambda.Function(stack, 'Feedback', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code,
    });
    const sender = new lambda.Function(stack, 'Sender', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code,
    });
    new MailSending(stack, 'Mail', { deployment, feedbackFunction }).grantSendMail(sender);
    const template = Template.fromStack(stack);
    const senderId = stack.getLogicalId(sender.node.defaultChild as CfnElement);

    const statements = policiesOfFunction(template, senderId)
      .flatMap(
        ([, policy]) => (policy.Properties.PolicyDocument as { Statement: PolicyStatement[] }).Statement,
      )
      .filter((statement) => asList(statement.Action).some((action) => action.startsWith('ses:')));
    expect(statements).toHaveLength(1);
    const [statement] = statements;
    expect(statement?.Effect).toBe('Allow');
    expect(asList(statement?.Action ?? []).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    const resources = JSON.stringify(statement?.Resource);
    expect(statement?.Resource).toHaveLength(2);
    expect(resources).toContain(':ses:eu-west-1:123456789012:identity/ilo-network.example.eu');
    expect(resources).toContain(':ses:eu-west-1:123456789012:configuration-set/ilo-network-prod-mail');
    expect(resources).not.toContain('*');

    const fn = resourcesOfType(template, 'AWS::Lambda::Function')[senderId];
    expect(
      (fn?.Properties.Environment as { Variables?: Record<string, string> } | undefined)?.Variables,
    ).toEqual({
      MAIL_FROM: 'notifications@ilo-network.example.eu',
      SES_CONFIGURATION_SET: 'ilo-network-prod-mail',
    });
    // The feedback function may not send.
    const feedbackId = stack.getLogicalId(feedbackFunction.node.defaultChild as CfnElement);
    expect(actionsOfFunction(template, feedbackId).filter((action) => action.startsWith('ses:'))).toEqual([]);
  });

  it('reads mailDomain and mailFromAddress per environment, with defaults, and refuses a sender off the domain', () => {
    expect(deploymentEnvironment('dev').mail).toEqual({
      domain: 'dev.ilo-network.example.eu',
      fromAddress: 'notifications@dev.ilo-network.example.eu',
      isDefault: true,
    });
    expect(deploymentEnvironment('prod', { mailDomain: 'Ilo.Example.eu' }).mail).toEqual({
      domain: 'ilo.example.eu',
      fromAddress: 'notifications@ilo.example.eu',
      isDefault: false,
    });
    expect(() => deploymentEnvironment('prod', { mailDomain: 'not a domain' })).toThrow(/mailDomain/);
    expect(() =>
      deploymentEnvironment('prod', { mailDomain: 'ilo.example.eu', mailFromAddress: 'x@elsewhere.example' }),
    ).toThrow(/mailFromAddress x@elsewhere.example is not an address at mailDomain ilo.example.eu/);
  });
});

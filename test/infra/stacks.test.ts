import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { jobs, routeKey, routes } from '#functions/routes.ts';
import { type Endpoint, endpoints } from '#shared/api/endpoints.ts';
import { ORGANISATION_CLAIM, ROLE_CLAIM } from '#shared/auth.ts';
import { tableDesign } from '#shared/table-design.ts';
import { buildApp } from '../../infra/build-app.ts';
import { deploymentEnvironment } from '../../infra/environment.ts';
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

let stateful: Template;
let stateless: Template;

beforeAll(() => {
  // Bundles every handler with esbuild: seconds, so once per file.
  const app = new App({ context: cdkJson.context });
  const stacks = buildApp(app, 'test', { webAssetDir: WEB_FIXTURE });
  expect(stacks.stateful.stackName).toBe('IloNetwork-test-Stateful');
  expect(stacks.stateless.stackName).toBe('IloNetwork-test-Stateless');
  stateful = Template.fromStack(stacks.stateful);
  stateless = Template.fromStack(stacks.stateless);
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
  it('is encrypted, private, versioned and retained', () => {
    const [, bucket] = onlyResourceOfType(stateful, 'AWS::S3::Bucket');
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
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.UpdateReplacePolicy).toBe('Retain');
    // Objects are never deleted with the stack.
    stateful.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
  });

  it('denies every request that does not use TLS', () => {
    const [bucketId] = onlyResourceOfType(stateful, 'AWS::S3::Bucket');
    const [, policy] = onlyResourceOfType(stateful, 'AWS::S3::BucketPolicy');
    expect(referencedId(policy.Properties.Bucket)).toBe(bucketId);
    const statements = (policy.Properties.PolicyDocument as { Statement: PolicyStatement[] }).Statement;
    const denyInsecure = statements.filter(
      (statement) =>
        statement.Effect === 'Deny' && statement.Condition?.Bool?.['aws:SecureTransport'] === 'false',
    );
    expect(denyInsecure).toHaveLength(1);
    expect(denyInsecure[0]?.Action).toBe('s3:*');
    expect(denyInsecure[0]?.Principal).toEqual({ AWS: '*' });
  });
});

describe('stateful stack: the user pool', () => {
  const organisationAttribute = ORGANISATION_CLAIM.replace('custom:', '');
  const roleAttribute = ROLE_CLAIM.replace('custom:', '');

  it('lets only administrators create users, and is retained', () => {
    const [, pool] = onlyResourceOfType(stateful, 'AWS::Cognito::UserPool');
    expect(pool.Properties.AdminCreateUserConfig).toEqual({ AllowAdminCreateUserOnly: true });
    expect(pool.DeletionPolicy).toBe('Retain');
  });

  it('has the custom string attributes the ID token carries as custom:organisation and custom:role', () => {
    const [, pool] = onlyResourceOfType(stateful, 'AWS::Cognito::UserPool');
    const schema = pool.Properties.Schema as { Name: string; AttributeDataType?: string }[];
    for (const name of [organisationAttribute, roleAttribute]) {
      expect(schema.find((attribute) => attribute.Name === name)?.AttributeDataType).toBe('String');
    }
  });

  it('has a public web client on the authorization code flow that may read but not write those claims', () => {
    const [, client] = onlyResourceOfType(stateful, 'AWS::Cognito::UserPoolClient');
    const properties = client.Properties;
    expect(properties.GenerateSecret).toBe(false);
    expect(properties.AllowedOAuthFlows).toEqual(['code']);
    expect(properties.AllowedOAuthScopes).toContain('openid');
    expect(properties.ReadAttributes).toEqual(expect.arrayContaining([ORGANISATION_CLAIM, ROLE_CLAIM]));
    expect(properties.WriteAttributes).not.toContain(ORGANISATION_CLAIM);
    expect(properties.WriteAttributes).not.toContain(ROLE_CLAIM);
  });
});

describe('stateless stack: functions', () => {
  // The Trigger construct brings its own provider function (runtime and architecture chosen by CDK).
  const ourFunctions = () =>
    // Ours say which handler file they run; CDK's own helpers (trigger, bucket deployment) do not.
    Object.entries(resourcesOfType(stateless, 'AWS::Lambda::Function')).filter(([, fn]) =>
      String(fn.Properties.Description ?? '').includes('(functions/'),
    );

  it('has one function per deployed route and one per job', () => {
    expect(ourFunctions()).toHaveLength(deployedRoutes.length + Object.keys(jobs).length);
  });

  it('runs every function on Node.js 22, arm64, with the configuration functions/lib/config.ts reads', () => {
    for (const [id, fn] of ourFunctions()) {
      const properties = fn.Properties;
      expect(properties.Runtime, id).toBe('nodejs22.x');
      expect(properties.Architectures, id).toEqual(['arm64']);
      expect(properties.Handler, id).toBe('index.handler');
      const variables = (properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(Object.keys(variables), id).toEqual(
        expect.arrayContaining(['TABLE_NAME', 'REPORTS_BUCKET', 'APP_VERSION', 'POWERTOOLS_SERVICE_NAME']),
      );
      expect(variables.NODE_OPTIONS, id).toBe('--enable-source-maps');
    }
  });

  it('gives every function its own log group with an explicit retention', () => {
    const logGroups = resourcesOfType(stateless, 'AWS::Logs::LogGroup');
    const expectedRetention = deploymentEnvironment('test').logRetention;
    for (const [id, fn] of ourFunctions()) {
      const logGroupId = referencedId((fn.Properties.LoggingConfig as { LogGroup: unknown }).LogGroup);
      expect(logGroups[logGroupId]?.Properties.RetentionInDays, id).toBe(expectedRetention);
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

  /** The function behind a route: route -> integration -> Lambda function. */
  function functionIdOfRoute(properties: Record<string, unknown>): string {
    const target = properties.Target as { 'Fn::Join': [string, unknown[]] };
    const integrationId = referencedId(target['Fn::Join'][1][1]);
    const integration = resourcesOfType(stateless, 'AWS::ApiGatewayV2::Integration')[integrationId];
    return referencedId(integration?.Properties.IntegrationUri);
  }

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
    expect(JSON.stringify(Audience[0])).toContain('UserPoolWebClient');
  });

  it('sends each route to the function built from its handler file', () => {
    const functions = resourcesOfType(stateless, 'AWS::Lambda::Function');
    const functionIds = new Set<string>();
    for (const route of deployedRoutes) {
      const found = routesByKey().get(routeKey(route));
      if (!found) throw new Error(`No route for ${routeKey(route)}`);
      const functionId = functionIdOfRoute(found.properties);
      functionIds.add(functionId);
      expect(functions[functionId]?.Properties.Description).toBe(
        `${routeKey(route)} (functions/${route.entry})`,
      );
    }
    expect(functionIds.size).toBe(deployedRoutes.length);
  });

  it('outputs the API URL', () => {
    const outputs = stateless.findOutputs('ApiUrl');
    expect(Object.keys(outputs)).toEqual(['ApiUrl']);
  });
});

describe('stateless stack: permissions', () => {
  it('grants no wildcard actions in any policy', () => {
    for (const policy of Object.values(resourcesOfType(stateless, 'AWS::IAM::Policy'))) {
      const statements = (policy.Properties.PolicyDocument as { Statement: PolicyStatement[] }).Statement;
      for (const statement of statements) {
        const actions = asList(statement.Action);
        expect(actions).not.toContain('*');
        expect(actions).not.toContain('dynamodb:*');
      }
    }
  });

  it('gives each route handler the table access its route declares: read-only unless it writes, never Scan', () => {
    expect(deployedRoutes.some((route) => route.table === 'read-write')).toBe(true);
    for (const route of deployedRoutes) {
      const found = Object.values(resourcesOfType(stateless, 'AWS::ApiGatewayV2::Route')).find(
        (candidate) => candidate.Properties.RouteKey === routeKey(route),
      );
      const target = found?.Properties.Target as { 'Fn::Join': [string, unknown[]] };
      const integration = resourcesOfType(stateless, 'AWS::ApiGatewayV2::Integration')[
        referencedId(target['Fn::Join'][1][1])
      ];
      const actions = actionsOfFunction(stateless, referencedId(integration?.Properties.IntegrationUri));
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
    expect(security.ContentSecurityPolicy?.ContentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(security.ContentSecurityPolicy?.ContentSecurityPolicy).toMatch(/style-src 'self' 'sha256-/);
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
  });

  it('lets only the functions that need it touch the reports bucket or the queue', () => {
    for (const route of deployedRoutes) {
      const found = Object.values(resourcesOfType(stateless, 'AWS::ApiGatewayV2::Route')).find(
        (candidate) => candidate.Properties.RouteKey === routeKey(route),
      );
      const target = found?.Properties.Target as { 'Fn::Join': [string, unknown[]] };
      const integration = resourcesOfType(stateless, 'AWS::ApiGatewayV2::Integration')[
        referencedId(target['Fn::Join'][1][1])
      ];
      const actions = actionsOfFunction(stateless, referencedId(integration?.Properties.IntegrationUri));
      expect(
        actions.some((a) => a.startsWith('s3:')),
        routeKey(route),
      ).toBe(route.bucket !== undefined);
      expect(actions.includes('sqs:SendMessage'), routeKey(route)).toBe(route.sendsToReportQueue === true);
      if (route.bucket === 'read') expect(actions, routeKey(route)).not.toContain('s3:PutObject');
    }
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
});

describe('stateless stack: local-only endpoints', () => {
  it('gets no route and no function for a local-only row, even if routes.ts lists one', () => {
    const app = new App({ context: cdkJson.context });
    const deployment = deploymentEnvironment('test');
    const stateful = new StatefulStack(app, 'Stateful', { deployment });
    const stack = new StatelessStack(app, 'Stateless', {
      deployment,
      appVersion: '0.0.0',
      table: stateful.table,
      reportsBucket: stateful.reportsBucket,
      userPool: stateful.userPool,
      userPoolClient: stateful.userPoolClient,
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
    const descriptions = Object.values(resourcesOfType(template, 'AWS::Lambda::Function')).map(
      (fn) => fn.Properties.Description,
    );
    expect(descriptions.filter((description) => String(description).includes('/api/dev/login'))).toEqual([]);
  });
});

describe('deployment environments', () => {
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

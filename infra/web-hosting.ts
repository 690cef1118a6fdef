import {
  type CfnElement,
  DefaultStackSynthesizer,
  Duration,
  Fn,
  RemovalPolicy,
  Stack,
  Token,
  Validations,
} from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { webContentSecurityPolicy, webSecurityHeaders } from '#shared/web-security.ts';

export interface WebHostingProps {
  api: apigateway.HttpApi;
  /** The built web app (web/dist). */
  webAssetDir: string;
  /** Origins the app calls besides its own (the hosted sign-in domain), allowed by the CSP. */
  connectSources: string[];
  /** CloudFront's access logs go here, under `cloudfront/`. */
  accessLogsBucket: s3.IBucket;
}

// Client-side routes (/secondments/01J…) are not files: they get the app's index.html. Paths with a
// dot are files (assets, config.json) and go to the bucket as they are.
const SPA_ROUTING = `function handler(event) {
  var request = event.request;
  if (request.uri.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

// What cdk-nag reports of the grants CDK's BucketDeployment function holds (acknowledged below).
const BUCKET_DEPLOYMENT_GRANTS = [
  'Action::s3:GetObject*',
  'Action::s3:GetBucket*',
  'Action::s3:List*',
  'Action::s3:DeleteObject*',
  'Action::s3:Abort*',
  'Resource::*',
];

/**
 * The CDK asset bucket's objects as a cdk-nag finding names them: with the region and partition
 * literal when the stack's environment is set (as in cdk.json), as pseudo parameters otherwise.
 */
function cdkAssetObjectsAsNagNamesThem(stack: Stack): string {
  const pseudo = (value: string, name: string) => (Token.isUnresolved(value) ? `<AWS::${name}>` : value);
  return (
    `arn:${pseudo(stack.partition, 'Partition')}:s3:::cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-` +
    `${pseudo(stack.account, 'AccountId')}-${pseudo(stack.region, 'Region')}/*`
  );
}

/**
 * The web app on one origin with its API: a private bucket behind CloudFront (origin access
 * control), the API under /api/* (so no CORS), SPA routing, and the same security headers as the
 * local runtime (shared/web-security.ts).
 */
export class WebHosting extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** `https://<id>.cloudfront.net`: the web app's origin. */
  readonly origin: string;
  private readonly webAssetDir: string;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    this.webAssetDir = props.webAssetDir;
    this.bucket = new s3.Bucket(this, 'WebBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // Built files only: rebuilt by every deployment, nothing to keep.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Built files, public through CloudFront anyway; who fetched what is in the CloudFront access logs.',
    });
    const securityHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: webContentSecurityPolicy({ connectSources: props.connectSources }),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(webSecurityHeaders.hstsMaxAgeSeconds),
          includeSubdomains: true,
          override: true,
        },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
        contentTypeOptions: { override: true },
      },
    });
    // https://<id>.execute-api.<region>.amazonaws.com -> its host name.
    const apiHost = Fn.select(2, Fn.split('/', props.api.apiEndpoint));
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'ILO Network Platform web app and API',
      defaultRootObject: 'index.html',
      enableLogging: true,
      logBucket: props.accessLogsBucket,
      logFilePrefix: 'cloudfront/',
      // On the default *.cloudfront.net domain CloudFront sets the TLS policy itself; a custom domain
      // with its certificate (and minimumProtocolVersion TLS_V1_2_2021) is an operator's choice.
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [
          {
            function: new cloudfront.Function(this, 'SpaRouting', {
              code: cloudfront.FunctionCode.fromInline(SPA_ROUTING),
              runtime: cloudfront.FunctionRuntime.JS_2_0,
            }),
            eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
          },
        ],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new origins.HttpOrigin(apiHost, {
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
          }),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
        },
      },
    });
    this.origin = `https://${this.distribution.distributionDomainName}`;
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'Liaison officers work from about 105 host countries worldwide: no country can be excluded.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'A CloudFront web ACL must live in us-east-1 (another stack and region). Every API route but health ' +
          'needs a Cognito token and the API stage is throttled; docs/operations.md shows how to attach a web ACL.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'The default *.cloudfront.net certificate cannot be pinned to TLS 1.2; a custom domain with its own ' +
          'certificate and TLSv1.2_2021 is the documented production set-up (docs/operations.md).',
      },
    );
  }

  /** Uploads the app with its runtime configuration, served as /config.json and read by the app at start. */
  publish(runtimeConfig: Record<string, string>): void {
    new s3deploy.BucketDeployment(this, 'Deployment', {
      sources: [
        s3deploy.Source.asset(this.webAssetDir),
        s3deploy.Source.jsonData('config.json', runtimeConfig),
      ],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 256,
    });
    // The deployment's function is a singleton CDK adds to the stack, not a child of this construct.
    for (const child of Stack.of(this).node.children) {
      if (!child.node.id.startsWith('Custom::CDKBucketDeployment')) continue;
      Validations.of(child).acknowledge(
        { id: 'AwsSolutions-L1', reason: 'CDK chooses the runtime of its BucketDeployment function.' },
        {
          id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason:
            'The role CDK gives its BucketDeployment function (deploy time only, not reachable by users).',
        },
        ...[
          ...BUCKET_DEPLOYMENT_GRANTS,
          `Resource::<${Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnElement)}.Arn>/*`,
          `Resource::${cdkAssetObjectsAsNagNamesThem(Stack.of(this))}`,
        ].map((finding) => ({
          id: `AwsSolutions-IAM5[${finding}]`,
          reason:
            "CDK's BucketDeployment copies the built app from the CDK asset bucket into the web bucket: read on the one, read-write on the other.",
        })),
      );
    }
  }
}

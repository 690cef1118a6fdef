import {
  ArnFormat,
  CfnOutput,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as ses from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { ORGANISATION_CLAIM, ROLE_CLAIM } from '#shared/auth.ts';
import { tableDesign } from '#shared/table-design.ts';
import { customAttributeName } from './cognito-attributes.ts';
import type { DeploymentEnvironment } from './environment.ts';
import { mailIdentity } from './mail.ts';
import { postAuthenticationFunctionNameFor, reportsBucketNameFor, tableNameFor } from './physical-names.ts';

export interface StatefulStackProps extends StackProps {
  deployment: DeploymentEnvironment;
}

/**
 * The data that outlives any deployment: the single table, the reports bucket, the access logs and
 * the user pool with its sign-in domain (the web app's client lives in the stateless stack, beside
 * the CloudFront address it calls back to).
 * Everything here is retained when the stack or a resource is removed; the stateless stack can be
 * destroyed and rebuilt at will.
 */
export class StatefulStack extends Stack {
  public readonly table: dynamodb.TableV2;
  public readonly reportsBucket: s3.Bucket;
  public readonly userPool: cognito.UserPool;
  public readonly signInDomain: cognito.UserPoolDomain;
  /** Server access logs of the reports bucket and the CloudFront access logs. */
  public readonly accessLogsBucket: s3.Bucket;
  /** The SES identity of the mail domain (context `mailDomain`), with its DKIM records. */
  public readonly mailIdentity: ses.EmailIdentity;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { deployment } = props;

    // Built from the same plain-data design the local runtime uses, so the two cannot drift.
    const stringAttribute = (name: string): dynamodb.Attribute => ({
      name,
      type: dynamodb.AttributeType.STRING,
    });
    this.table = new dynamodb.TableV2(this, 'Table', {
      tableName: tableNameFor(deployment),
      partitionKey: stringAttribute(tableDesign.partitionKey),
      sortKey: stringAttribute(tableDesign.sortKey),
      globalSecondaryIndexes: tableDesign.globalSecondaryIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: stringAttribute(index.partitionKey),
        sortKey: stringAttribute(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      })),
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      timeToLiveAttribute: tableDesign.timeToLiveAttribute,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Who read or wrote which report file, kept a year. CloudFront's standard logs need ACLs on the
    // bucket they write to (object writer); the S3 server access logs are delivered by bucket policy.
    this.accessLogsBucket = new s3.Bucket(this, 'AccessLogsBucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.accessLogsBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket itself; logging it into itself would loop.',
    });

    this.reportsBucket = new s3.Bucket(this, 'ReportsBucket', {
      bucketName: reportsBucketNameFor(deployment),
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'reports-bucket/',
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      // Report files are written under versioned keys already; bucket versioning also guards
      // against an accidental overwrite or delete.
      versioned: true,
      lifecycleRules: [{ abortIncompleteMultipartUploadAfter: Duration.days(7) }],
      removalPolicy: RemovalPolicy.RETAIN,
      autoDeleteObjects: false,
    });

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      // Accounts are created by an administrator with an organisation and a role; nobody signs up.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      // ID tokens carry these as `custom:organisation` and `custom:role` (shared/auth.ts).
      customAttributes: {
        [customAttributeName(ORGANISATION_CLAIM)]: new cognito.StringAttribute({
          minLen: 2,
          maxLen: 16,
          mutable: true,
        }),
        [customAttributeName(ROLE_CLAIM)]: new cognito.StringAttribute({
          minLen: 2,
          maxLen: 32,
          mutable: true,
        }),
      },
      // Everyone enrols an authenticator app at the first sign-in; no SMS (SIM-swap, cost).
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        // The temporary password in the invitation e-mail must be used within three days.
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      // The Plus plan blocks sign-ins that look compromised and passwords known from breaches.
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      userInvitation: {
        emailSubject: 'Your ILO Network Platform account',
        emailBody:
          'An account has been created for you on the ILO Network Platform. Your user name is {username} and ' +
          'your temporary password is {####}. You will be asked to choose a new password and to set up an ' +
          'authenticator app when you first sign in.',
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Each sign-in is recorded in the people directory (lastSignInAt) by the stateless stack's
    // function of this fixed name, which grants Cognito the invocation. By ARN, not by reference:
    // the stateless stack depends on this one, never the other way round.
    (this.userPool.node.defaultChild as cognito.CfnUserPool).lambdaConfig = {
      postAuthentication: this.formatArn({
        service: 'lambda',
        resource: 'function',
        resourceName: postAuthenticationFunctionNameFor(deployment),
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      }),
    };

    // The hosted sign-in pages (`https://<prefix>.auth.<region>.amazoncognito.com`); the prefix must
    // be unique in the region, hence the account id in the default.
    this.signInDomain = this.userPool.addDomain('SignInDomain', {
      cognitoDomain: {
        domainPrefix: deployment.signInDomainPrefix ?? `ilo-network-${deployment.name}-${this.account}`,
      },
    });

    // The domain the product's e-mail comes from: verified once its DKIM records are in DNS
    // (the outputs below; docs/operations.md). Sending is in the stateless stack (infra/mail.ts).
    this.mailIdentity = mailIdentity(this, deployment);
    this.mailIdentity.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `MailDkimRecord${index + 1}`, {
        description: `CNAME to publish for ${deployment.mail.domain} (SES DKIM)`,
        value: `${record.name} CNAME ${record.value}`,
      });
    });

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'ReportsBucketName', { value: this.reportsBucket.bucketName });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'SignInDomain', { value: this.signInDomain.baseUrl() });
  }
}

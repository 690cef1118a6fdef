import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { DEV_TOKEN_LIFETIME_SECONDS, ORGANISATION_CLAIM, ROLE_CLAIM } from '#shared/auth.ts';
import { tableDesign } from '#shared/table-design.ts';
import type { DeploymentEnvironment } from './environment.ts';

export interface StatefulStackProps extends StackProps {
  deployment: DeploymentEnvironment;
}

/** `custom:organisation` -> `organisation`: Cognito adds the prefix itself to custom attributes. */
function customAttributeName(claim: string): string {
  const prefix = 'custom:';
  if (!claim.startsWith(prefix)) throw new Error(`Claim ${claim} is not a Cognito custom attribute`);
  return claim.slice(prefix.length);
}

/**
 * The data that outlives any deployment: the single table, the reports bucket and the user pool.
 * Everything here is retained when the stack or a resource is removed; the stateless stack can be
 * destroyed and rebuilt at will.
 */
export class StatefulStack extends Stack {
  public readonly table: dynamodb.TableV2;
  public readonly reportsBucket: s3.Bucket;
  public readonly userPool: cognito.UserPool;
  public readonly userPoolClient: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { deployment } = props;

    // Built from the same plain-data design the local runtime uses, so the two cannot drift.
    const stringAttribute = (name: string): dynamodb.Attribute => ({
      name,
      type: dynamodb.AttributeType.STRING,
    });
    this.table = new dynamodb.TableV2(this, 'Table', {
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

    this.reportsBucket = new s3.Bucket(this, 'ReportsBucket', {
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
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const webCallbackUrls = deployment.webOrigins.map((origin) => `${origin}/`);
    this.userPoolClient = this.userPool.addClient('WebClient', {
      // A browser app cannot keep a secret: a public client using the authorization code flow
      // (issue 7 adds PKCE handling in the web app, MFA and the hosted sign-in domain).
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: webCallbackUrls,
        logoutUrls: webCallbackUrls,
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.seconds(DEV_TOKEN_LIFETIME_SECONDS),
      accessTokenValidity: Duration.seconds(DEV_TOKEN_LIFETIME_SECONDS),
      refreshTokenValidity: Duration.days(1),
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(customAttributeName(ORGANISATION_CLAIM), customAttributeName(ROLE_CLAIM)),
      // Without this a signed-in user could rewrite their own organisation or role through
      // UpdateUserAttributes; only administrators may set them.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'ReportsBucketName', { value: this.reportsBucket.bucketName });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
  }
}

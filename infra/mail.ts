import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { DeploymentEnvironment } from './environment.ts';

/**
 * The SES identity of the deployment's mail domain, in the stateful stack: retained, so its DKIM
 * records (published once in DNS) and its verification outlive any rebuild of the functions.
 */
export function mailIdentity(scope: Construct, deployment: DeploymentEnvironment): ses.EmailIdentity {
  const identity = new ses.EmailIdentity(scope, 'MailIdentity', {
    identity: ses.Identity.domain(deployment.mail.domain),
    dkimIdentity: ses.DkimIdentity.easyDkim(ses.EasyDkimSigningKeyLength.RSA_2048_BIT),
  });
  identity.applyRemovalPolicy(RemovalPolicy.RETAIN);
  return identity;
}

/** The identity's ARN from its domain: the stateless stack names it without a cross-stack export. */
export const mailIdentityArn = (scope: Construct, deployment: DeploymentEnvironment) =>
  Stack.of(scope).formatArn({ service: 'ses', resource: 'identity', resourceName: deployment.mail.domain });

export interface MailSendingProps {
  deployment: DeploymentEnvironment;
  /** The function that reads SES's bounces and complaints (the sesFeedback job). */
  feedbackFunction: lambda.IFunction;
}

/**
 * Sending through SES, in the stateless stack: the configuration set every message names, its event
 * destination that publishes bounces and complaints to an encrypted SNS topic, and the sesFeedback
 * function subscribed to it. `grantSendMail` lets one function send, from this identity only.
 */
export class MailSending extends Construct {
  readonly configurationSet: ses.ConfigurationSet;
  /** The configuration set's name as a plain string (the construct's is a token of a Ref). */
  readonly configurationSetName: string;
  readonly feedbackTopic: sns.Topic;
  private readonly deployment: DeploymentEnvironment;

  constructor(scope: Construct, id: string, props: MailSendingProps) {
    super(scope, id);
    this.deployment = props.deployment;
    this.configurationSetName = `ilo-network-${props.deployment.name}-mail`;
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: this.configurationSetName,
      // SES keeps its own account-level list too; ours (the table) is what marks the person.
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      sendingEnabled: true,
    });

    // A customer-managed key: SES may not use the AWS-managed SNS key to publish.
    const key = new kms.Key(this, 'FeedbackTopicKey', {
      description: 'Encrypts the ILO Network Platform mail feedback topic (SES bounces and complaints)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('ses.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    this.feedbackTopic = new sns.Topic(this, 'FeedbackTopic', {
      displayName: `IloNetwork-${props.deployment.name} mail feedback`,
      masterKey: key,
      enforceSSL: true,
    });
    // Also adds the topic policy that lets SES publish, for this configuration set only.
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: ses.EventDestination.snsTopic(this.feedbackTopic),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });
    this.feedbackTopic.addSubscription(new subscriptions.LambdaSubscription(props.feedbackFunction));
  }

  /**
   * Lets `fn` send the product's e-mail: `ses:SendEmail` and `ses:SendRawEmail` on the deployment's
   * identity and configuration set only (no other identity, no other configuration set), with MAIL_FROM and
   * SES_CONFIGURATION_SET, which make functions/notifications/ses-transport.ts its transport.
   */
  grantSendMail(fn: lambda.Function): void {
    const stack = Stack.of(this);
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [
          mailIdentityArn(this, this.deployment),
          stack.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: this.configurationSetName,
          }),
        ],
      }),
    );
    fn.addEnvironment('MAIL_FROM', this.deployment.mail.fromAddress);
    fn.addEnvironment('SES_CONFIGURATION_SET', this.configurationSetName);
  }
}

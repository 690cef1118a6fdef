import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface OperationalAlarmsProps {
  /** Subscribed to the topic when set; otherwise operators subscribe themselves (docs/operations.md). */
  alarmEmail: string | undefined;
  /** Prefix of every alarm name, so that an operator sees the environment in the e-mail subject. */
  namePrefix: string;
}

/**
 * Every alarm an operator must act on, sent to one encrypted SNS topic: a function that failed or
 * was throttled, a message parked in a dead-letter queue, the API answering 5xx.
 */
export class OperationalAlarms extends Construct {
  readonly topic: sns.Topic;
  private readonly action: cloudwatchActions.SnsAction;
  private readonly namePrefix: string;

  constructor(scope: Construct, id: string, props: OperationalAlarmsProps) {
    super(scope, id);
    this.namePrefix = props.namePrefix;
    // A customer-managed key: CloudWatch may not use the AWS-managed SNS key to publish.
    const key = new kms.Key(this, 'TopicKey', {
      description: 'Encrypts the ILO Network Platform alarm topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: `${props.namePrefix} alarms`,
      masterKey: key,
      enforceSSL: true,
    });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    this.action = new cloudwatchActions.SnsAction(this.topic);
  }

  /**
   * Any error or throttle of the function in five minutes. The alarms go in `scope`'s stack, beside
   * the function (a nested stack keeps its functions' alarms, within its resource limit); their
   * actions go to this topic.
   */
  watchFunction(scope: Construct, name: string, fn: lambda.IFunction): void {
    // In this construct's own stack they stay here, under the ids they have always had.
    const alarmScope = Stack.of(scope) === Stack.of(this) ? this : scope;
    this.alarm(
      alarmScope,
      `${name}Errors`,
      fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
      {
        description: `${name} failed (see its log group for the error and the request id)`,
      },
    );
    this.alarm(
      scope,
      `${name}Throttles`,
      fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }),
      {
        description: `${name} was throttled (account concurrency exhausted?)`,
      },
    );
  }

  /** Any message waiting in a dead-letter queue: work that failed every retry. */
  watchDeadLetters(name: string, queue: sqs.IQueue, whatToDo: string): void {
    this.alarm(
      this,
      `${name}Depth`,
      queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      { description: `${name} holds failed messages. ${whatToDo}` },
    );
  }

  /** Server errors the API answered (5xx), which users saw. */
  watchApi(api: apigateway.HttpApi): void {
    this.alarm(this, 'Api5xx', api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }), {
      description: 'The API answered 5xx: look at the access log and the failing function',
    });
  }

  private alarm(
    scope: Construct,
    id: string,
    metric: cloudwatch.IMetric,
    options: { description: string },
  ): void {
    const alarm = new cloudwatch.Alarm(scope, id, {
      alarmName: `${this.namePrefix}-${id}`,
      alarmDescription: options.description,
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No data means no errors (a quiet night), not a problem.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
  }
}

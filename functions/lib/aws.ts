import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from './config.ts';

// One client of each per execution environment, created on first use and reused across invocations.
let documentClient: DynamoDBDocumentClient | undefined;
let s3Client: S3Client | undefined;
let sqsClient: SQSClient | undefined;
let sesClient: SESv2Client | undefined;

/**
 * Retries, set here rather than left to each client's default: the SDK's standard strategy retries
 * throttling, 5xx answers and network failures with exponential backoff and full jitter, within a
 * retry quota per client (so a store that keeps failing is not hammered). Four attempts in all; what
 * still fails answers 503 with Retry-After (lib/http/errors.ts).
 */
export const RETRIES = { maxAttempts: 4, retryMode: 'standard' } as const;

/**
 * A transaction cancelled only because another one touched the same item at the same moment
 * (TransactionConflict), or a single write refused because a transaction held its item: nothing was
 * written, and trying again decides it (the retry meets the winner's version and fails its condition:
 * 409). Marked retryable here, inside the SDK's retry loop, so the SDK retries it with backoff.
 */
function isTransactionConflict(error: { name?: string; CancellationReasons?: { Code?: string }[] }) {
  if (error.name === 'TransactionConflictException') return true;
  if (error.name !== 'TransactionCanceledException') return false;
  const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
  return (
    codes.includes('TransactionConflict') && codes.every((c) => c === 'None' || c === 'TransactionConflict')
  );
}

export function dynamo(): DynamoDBDocumentClient {
  if (!documentClient) {
    const { AWS_REGION, DYNAMODB_ENDPOINT } = config();
    const client = new DynamoDBClient({
      region: AWS_REGION,
      ...(DYNAMODB_ENDPOINT ? { endpoint: DYNAMODB_ENDPOINT } : {}),
      ...RETRIES,
    });
    // In the finalize step at low priority: inside the retry loop (retryMiddleware is high priority).
    client.middlewareStack.add(
      (next) => async (args) => {
        try {
          return await next(args);
        } catch (error) {
          if (error && typeof error === 'object' && isTransactionConflict(error))
            Object.assign(error, { $retryable: {} });
          throw error;
        }
      },
      { step: 'finalizeRequest', priority: 'low', name: 'retryTransactionConflicts' },
    );
    documentClient = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    });
  }
  return documentClient;
}

export function s3(): S3Client {
  if (!s3Client) {
    const { AWS_REGION, S3_ENDPOINT } = config();
    s3Client = new S3Client({
      region: AWS_REGION,
      // Path-style addressing and checksums only when required: what S3-compatible servers need.
      ...(S3_ENDPOINT ? { endpoint: S3_ENDPOINT, forcePathStyle: true } : {}),
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...RETRIES,
    });
  }
  return s3Client;
}

export function sqs(): SQSClient {
  if (!sqsClient) {
    const { AWS_REGION, SQS_ENDPOINT } = config();
    sqsClient = new SQSClient({
      region: AWS_REGION,
      ...(SQS_ENDPOINT ? { endpoint: SQS_ENDPOINT } : {}),
      ...RETRIES,
    });
  }
  return sqsClient;
}

/** Amazon SES (v2 API): the mail transport on AWS (notifications/ses-transport.ts). */
export function ses(): SESv2Client {
  if (!sesClient) {
    const { AWS_REGION, SES_ENDPOINT } = config();
    sesClient = new SESv2Client({
      region: AWS_REGION,
      ...(SES_ENDPOINT ? { endpoint: SES_ENDPOINT } : {}),
      ...RETRIES,
    });
  }
  return sesClient;
}

export function reportsBucket(): string {
  return config().REPORTS_BUCKET;
}

export function tableName(): string {
  return config().TABLE_NAME;
}

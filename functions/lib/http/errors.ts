import type { z } from 'zod';
import { errorStatus } from '#shared/errors.ts';
import { AppError } from '../errors.ts';

/** Turns zod issues into `{ "post.city": "why" }`, naming the request part when it is not the body. */
export function invalidRequest(error: z.ZodError, part: 'body' | 'query' | 'path'): AppError {
  // A Map, not an object: a field may be named `toString` or `__proto__`, which a plain object
  // already answers for (so `??=` named nothing) or turns into its prototype.
  const fields = new Map<string, string>();
  const name = (key: string, why: string) => {
    if (!fields.has(key)) fields.set(key, why);
  };
  const fieldKey = (path: PropertyKey[]) => {
    const joined = path.map(String).join('.');
    return part === 'body' ? joined || '(body)' : `${part}${joined ? `.${joined}` : ''}`;
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      // Name each unknown field itself, not the object that holds it.
      for (const key of issue.keys) name(fieldKey([...issue.path, key]), 'Unknown field: remove it.');
      continue;
    }
    name(fieldKey(issue.path), issue.message);
  }
  const count = fields.size;
  return new AppError(
    'invalid_request',
    count === 1 ? 'One field needs correcting.' : `${count} fields need correcting.`,
    // fromEntries defines each key as the object's own, `__proto__` included.
    Object.fromEntries(fields),
  );
}

/** The HTTP status of a use case's error: the one place where codes become statuses. */
export const statusOf = (error: AppError): number => errorStatus[error.code];

/** Seconds a client should wait before trying again after a 503 (sent as Retry-After). */
export const RETRY_AFTER_SECONDS = 5;

export const serviceUnavailable = () =>
  new AppError(
    'service_unavailable',
    'The service is busy or a store it needs is not answering. Try again in a few seconds.',
  );

const busyOrDown = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'SlowDown',
  'ServiceUnavailable',
  'InternalServerError',
  'InternalError',
  'TransactionInProgressException',
  'TransactionConflictException',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
]);
const unreachable = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

interface SdkFault {
  name?: string;
  code?: string;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number };
  CancellationReasons?: { Code?: string }[];
}

/**
 * A fault of DynamoDB, S3 or SQS that outlasted the SDK's retries (lib/aws.ts): throttled, down,
 * unreachable, or a transaction that kept meeting others. Not the request's fault, and worth trying
 * again later: 503. Every write is one transaction, so such a failure has changed nothing.
 */
export function isUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const fault = error as SdkFault;
  const status = fault.$metadata?.httpStatusCode ?? 0;
  if (fault.name === 'TransactionCanceledException') {
    const codes = (fault.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
    return (
      codes.some((code) => code === 'ThrottlingError' || code === 'TransactionConflict') &&
      !codes.includes('ConditionalCheckFailed')
    );
  }
  return (
    fault.$retryable !== undefined ||
    busyOrDown.has(fault.name ?? '') ||
    unreachable.has(fault.code ?? '') ||
    status === 429 ||
    status >= 500
  );
}

import type { z } from 'zod';
import { type ErrorBody, type ErrorCode, errorStatus } from '#shared/errors.ts';

/** A failure that answers with the contract's error body. Throw it anywhere below a handler. */
export class HttpError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HttpError';
    this.status = errorStatus[code];
  }

  toBody(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) },
    };
  }
}

/** Turns zod issues into `{ "post.city": "why" }`, naming the request part when it is not the body. */
export function invalidRequest(error: z.ZodError, part: 'body' | 'query' | 'path'): HttpError {
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
  return new HttpError(
    'invalid_request',
    count === 1 ? 'One field needs correcting.' : `${count} fields need correcting.`,
    // fromEntries defines each key as the object's own, `__proto__` included.
    Object.fromEntries(fields),
  );
}

export const notFound = (what: string) => new HttpError('not_found', `${what} was not found.`);
export const forbidden = (why: string) => new HttpError('forbidden', why);

/** 409 for a write that carried an outdated version: the client reloads, keeping what was typed. */
export const staleVersion = (what: string, current?: number) =>
  new HttpError(
    'stale_version',
    `Someone else changed ${what} meanwhile${current ? ` (it is now at version ${current})` : ''}. Reload it; your changes are kept in the form.`,
  );

/** Seconds a client should wait before trying again after a 503 (sent as Retry-After). */
export const RETRY_AFTER_SECONDS = 5;

export const serviceUnavailable = () =>
  new HttpError(
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

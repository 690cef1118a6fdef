import type { z } from 'zod';
import { IDEMPOTENCY_KEY_HEADER } from '#shared/api/headers.ts';
import { errorBodySchema } from '#shared/api/schemas.ts';
import type { ErrorCode } from '#shared/errors.ts';
import { runtimeConfig } from '../config/runtime-config.ts';
import { getSession } from './session.ts';

/**
 * Codes of failures the browser detects itself, beside the server's error codes: the request never
 * got an answer, or the answer does not match the contract.
 */
export type ClientErrorCode = 'network_error' | 'invalid_response';

/** A failed API call, carrying the server's `{ error: { code, message, fields } }` when there was one. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status, or 0 when no answer came. */
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    /** Field path (dot-separated, e.g. `post.city`) to what is wrong with it. */
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  /** Worth asking again: the network or the server failed, not the request. */
  get isTransient(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

let onUnauthenticated: () => void = () => {};

/** What to do when the server says the token is missing or expired (the app signs out and asks to sign in). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export interface ApiRequestOptions<Schema extends z.ZodType> {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** The contract's schema of a successful answer: the answer is checked against it. */
  schema: Schema;
  signal?: AbortSignal;
  /** Send the bearer token; false only for the routes that take none (dev login, health). */
  authenticated?: boolean;
}

/**
 * Idempotency-Keys of POST submissions that got no answer or a server error: sending the same
 * submission again (same path and body, e.g. the person presses Save once more) reuses its key, so the
 * server creates what it carries once even if the first attempt did land. Dropped once answered.
 */
const unansweredSubmissions = new Map<string, string>();

/** Calls `${VITE_API_BASE_URL}${path}`; resolves to the validated answer or rejects with an ApiError. */
export async function apiRequest<Schema extends z.ZodType>(
  path: string,
  { method = 'GET', body, schema, signal, authenticated = true }: ApiRequestOptions<Schema>,
): Promise<z.output<Schema>> {
  const headers = new Headers({ accept: 'application/json' });
  if (body !== undefined) headers.set('content-type', 'application/json');
  const token = authenticated ? getSession()?.token : undefined;
  if (token) headers.set('authorization', `Bearer ${token}`);
  // Creating endpoints take the key; the others ignore it.
  const submission = method === 'POST' && body !== undefined ? `${path} ${JSON.stringify(body)}` : undefined;
  const idempotencyKey = submission
    ? (unansweredSubmissions.get(submission) ?? crypto.randomUUID())
    : undefined;
  if (submission && idempotencyKey) {
    headers.set(IDEMPOTENCY_KEY_HEADER, idempotencyKey);
    unansweredSubmissions.set(submission, idempotencyKey);
  }

  let response: Response;
  try {
    response = await fetch(`${runtimeConfig().apiBaseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'network_error', `No answer from ${method} ${path}`);
  }

  if (submission && response.status < 500) unansweredSubmissions.delete(submission);
  const payload = await readJson(response);
  if (!response.ok) {
    const error = errorFromResponse(response, payload);
    if (error.status === 401 && authenticated) onUnauthenticated();
    throw error;
  }
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      'invalid_response',
      `${method} ${path} answered outside the contract`,
    );
  }
  return parsed.data;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorFromResponse(response: Response, payload: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(payload);
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    return new ApiError(response.status, code, message, fields);
  }
  // Not our error body: a proxy or gateway answered. Its 502, 503 or 504 means the server is down
  // or restarting, which to the person is the same as no answer at all.
  const { status } = response;
  let code: ErrorCode | ClientErrorCode = 'invalid_response';
  if (status === 401) code = 'unauthenticated';
  else if (status === 502 || status === 503 || status === 504) code = 'network_error';
  else if (status >= 500) code = 'internal_error';
  return new ApiError(status, code, `${status} ${response.statusText}`.trim());
}

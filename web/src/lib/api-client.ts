import type { Endpoint } from '#shared/api/endpoints.ts';
import { IDEMPOTENCY_KEY_HEADER } from '#shared/api/headers.ts';
import { errorBodySchema } from '#shared/api/schemas.ts';
import type { ErrorCode } from '#shared/errors.ts';
import { runtimeConfig } from '../config/runtime-config.ts';
import { type CallOptions, type EndpointResult, requestPath } from './endpoint-request.ts';
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

  /** Refused (403): the caller's organisation or role may not; asking again changes nothing. */
  get isForbidden(): boolean {
    return this.status === 403;
  }
}

let onUnauthenticated: (code: ApiError['code']) => void = () => {};

/**
 * What to do when the server refuses the token (missing, expired, or its person disabled: the code
 * says which); the app signs out and asks to sign in.
 */
export function setUnauthenticatedHandler(handler: (code: ApiError['code']) => void): void {
  onUnauthenticated = handler;
}

/**
 * Idempotency-Keys of creating submissions that got no answer or a server error: sending the same
 * submission again (same path and body, e.g. the person presses Save once more) reuses its key, so the
 * server creates what it carries once even if the first attempt did land. Dropped once answered.
 */
const unansweredSubmissions = new Map<string, string>();

/** `[options]`, optional when the endpoint needs nothing (no path parameter, body or required query). */
type CallArguments<E extends Endpoint> =
  object extends CallOptions<E> ? [options?: CallOptions<E>] : [options: CallOptions<E>];

/**
 * Calls one endpoint of the contract (`endpoints.X` of `#shared/api/endpoints.ts`) under
 * `${apiBaseUrl}`: its path parameters, query and body typed by its schemas, its answer checked
 * against its success schema. Resolves to the validated answer or rejects with an ApiError. The
 * bearer token goes to every endpoint but the public and local-only ones (health, dev login); an
 * endpoint the contract marks idempotent gets an Idempotency-Key.
 */
export async function callEndpoint<E extends Endpoint>(
  endpoint: E,
  ...[options]: CallArguments<E>
): Promise<EndpointResult<E>> {
  // The types above hold for each endpoint; below they are one shape for all.
  const { path, query, body, signal } = (options ?? {}) as {
    path?: Readonly<Record<string, string>>;
    query?: object;
    body?: unknown;
    signal?: AbortSignal;
  };
  return (await send(endpoint, requestPath(endpoint, { path, query }), body, signal)) as EndpointResult<E>;
}

/** The one place that talks to the server; private, so that every call goes through the contract. */
async function send(
  endpoint: Endpoint,
  path: string,
  body: unknown,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  const { method } = endpoint;
  const authenticated = endpoint.access === 'signed-in' && !endpoint.localOnly;
  const headers = new Headers({ accept: 'application/json' });
  if (body !== undefined) headers.set('content-type', 'application/json');
  const token = authenticated ? getSession()?.token : undefined;
  if (token) headers.set('authorization', `Bearer ${token}`);
  const submission = endpoint.idempotent ? `${path} ${JSON.stringify(body)}` : undefined;
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
    if (error.status === 401 && authenticated) onUnauthenticated(error.code);
    throw error;
  }
  const { schema } = endpoint.success;
  if (schema === 'any') return payload;
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

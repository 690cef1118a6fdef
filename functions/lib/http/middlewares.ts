import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { Endpoint } from '#shared/api/endpoints.ts';
import { MAX_REQUEST_BODY_BYTES } from '#shared/errors.ts';
import { checkedCaller } from '../../people/directory.ts';
import type { Caller } from '../caller.ts';
import { AppError } from '../errors.ts';
import { logger } from '../logger.ts';
import { callerFrom, type MaybeAuthorizedEvent } from './caller.ts';
import {
  invalidRequest,
  isUnavailable,
  RETRY_AFTER_SECONDS,
  serviceUnavailable,
  statusOf,
} from './errors.ts';
import { type IdempotentRequest, idempotentRequest } from './idempotency.ts';
import { unacceptableText } from './text.ts';

/** What the middlewares work out from the event, for the handler to use. */
export interface ParsedRequest {
  body?: unknown;
  query?: unknown;
  path?: unknown;
  caller?: Caller;
  /** A creating request sent with an Idempotency-Key. */
  idempotency?: IdempotentRequest;
}

export type HttpContext = Context & { parsed: ParsedRequest };
type Request = middy.Request<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, HttpContext>;
type Middleware = middy.MiddlewareObj<
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Error,
  HttpContext
>;

const securityHeaderValues: Record<string, string> = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

/** Security headers on every answer, successes and failures alike. */
export function securityHeaders(): Middleware {
  const apply = (request: Request) => {
    if (request.response) request.response.headers = { ...securityHeaderValues, ...request.response.headers };
  };
  return { after: apply, onError: apply };
}

/** One structured log line per request, carrying the API request id, route, status and duration. */
export function requestLog(): Middleware {
  const started = new WeakMap<object, number>();
  const finish = (request: Request) => {
    const status = request.response?.statusCode ?? 500;
    const durationMs = Date.now() - (started.get(request) ?? Date.now());
    const entry = { status, durationMs };
    if (status >= 500) logger.error('request failed', { ...entry, error: request.error });
    else logger.info('request completed', entry);
  };
  return {
    before: (request) => {
      started.set(request, Date.now());
      logger.appendKeys({
        requestId: request.event.requestContext?.requestId,
        route: request.event.routeKey,
      });
    },
    after: finish,
    onError: finish,
  };
}

/**
 * Every failure becomes the contract's JSON error body: a store that stayed busy or down through the
 * SDK's retries is a 503 with Retry-After; anything else unexpected is a logged 500.
 */
export function errorResponses(): Middleware {
  return {
    onError: (request) => {
      const error = request.error;
      const appError =
        error instanceof AppError
          ? error
          : isUnavailable(error)
            ? serviceUnavailable()
            : new AppError(
                'internal_error',
                'Something went wrong on our side. Nothing was changed; try again.',
              );
      const status = statusOf(appError);
      request.response = {
        statusCode: status,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          ...(status === 503 ? { 'retry-after': String(RETRY_AFTER_SECONDS) } : {}),
        },
        body: JSON.stringify(appError.toBody()),
      };
    },
  };
}

function bodyText(event: APIGatewayProxyEventV2): string {
  if (!event.body) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/** Reads a JSON body: size limit (413), content type (415), syntax (400), then the endpoint's schema. */
export function jsonBody(endpoint: Endpoint): Middleware {
  return {
    before: (request) => {
      if (!endpoint.body) return;
      const text = bodyText(request.event);
      if (Buffer.byteLength(text, 'utf8') > MAX_REQUEST_BODY_BYTES) {
        throw new AppError(
          'payload_too_large',
          `The request body is larger than ${MAX_REQUEST_BODY_BYTES / 1024} KiB; shorten the text and try again.`,
        );
      }
      const contentType = request.event.headers?.['content-type'] ?? '';
      // application/json itself (with parameters such as charset), not application/json-patch+json.
      if (text && !/^application\/json\s*(;|$)/i.test(contentType)) {
        throw new AppError(
          'unsupported_media_type',
          'Send the body as JSON (content-type: application/json).',
        );
      }
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch (cause) {
        throw new AppError('invalid_request', 'The request body is not valid JSON.', {
          '(body)': cause instanceof Error ? cause.message : 'not valid JSON',
        });
      }
      if (json === undefined) {
        throw new AppError('invalid_request', 'A JSON body is required.', { '(body)': 'required' });
      }
      const unacceptable = unacceptableText(json);
      if (unacceptable) {
        throw new AppError('invalid_request', 'One field needs correcting.', {
          [unacceptable.field]: unacceptable.why,
        });
      }
      const parsed = endpoint.body.safeParse(json);
      if (!parsed.success) throw invalidRequest(parsed.error, 'body');
      request.context.parsed.body = parsed.data;
    },
  };
}

/** Validates query string and path parameters against the endpoint's schemas. */
export function parameters(endpoint: Endpoint): Middleware {
  return {
    before: (request) => {
      if (endpoint.query) {
        const parsed = endpoint.query.safeParse(request.event.queryStringParameters ?? {});
        if (!parsed.success) throw invalidRequest(parsed.error, 'query');
        request.context.parsed.query = parsed.data;
      }
      if (endpoint.params) {
        const parsed = endpoint.params.safeParse(request.event.pathParameters ?? {});
        if (!parsed.success) throw invalidRequest(parsed.error, 'path');
        request.context.parsed.path = parsed.data;
      } else {
        request.context.parsed.path = request.event.pathParameters ?? {};
      }
    },
  };
}

/**
 * The signed-in caller from the authorizer's claims; 401 when a signed-in route has none. Then the
 * people directory (one GetItem by subject): a disabled person, a subject it does not know, or an
 * organisation or role other than the token's is refused from the very next request (401).
 */
export function authentication(endpoint: Endpoint): Middleware {
  return {
    before: async (request) => {
      request.context.parsed = {};
      if (endpoint.access === 'signed-in')
        request.context.parsed.caller = await checkedCaller(
          callerFrom(request.event as MaybeAuthorizedEvent),
        );
    },
  };
}

/** The Idempotency-Key of a creating request (after the body is parsed: the key covers it). */
export function idempotencyKey(endpoint: Endpoint): Middleware {
  return {
    before: (request) => {
      const { parsed } = request.context;
      const { path, body } = parsed;
      const keyed = idempotentRequest(endpoint, request.event, parsed.caller, { path, body }, new Date());
      if (keyed) parsed.idempotency = keyed;
    },
  };
}

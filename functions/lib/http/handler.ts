import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import type { Endpoint } from '#shared/api/endpoints.ts';
import type { Caller } from '../caller.ts';
import { config } from '../config.ts';
import { type Idempotency, noIdempotency } from '../idempotency.ts';
import { logger } from '../logger.ts';
import {
  authentication,
  errorResponses,
  type HttpContext,
  idempotencyKey,
  jsonBody,
  parameters,
  requestLog,
  securityHeaders,
} from './middlewares.ts';

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface HttpRequest<E extends Endpoint> {
  body: Output<E['body']>;
  query: Output<E['query']>;
  path: E['params'] extends z.ZodType ? z.output<E['params']> : Record<string, string | undefined>;
  caller: E['access'] extends 'signed-in' ? Caller : Caller | undefined;
  /** For creating services: stores the answer with the create when the request carries a key. */
  idempotency: Idempotency;
  event: APIGatewayProxyEventV2;
}

export interface HttpResult<T> {
  status?: number;
  body: T;
  headers?: Record<string, string>;
}

type SuccessBody<E extends Endpoint> = E['success']['schema'] extends z.ZodType
  ? z.input<E['success']['schema']>
  : unknown;

/**
 * The one middleware chain every HTTP handler runs in: request log with request id, security
 * headers, JSON errors, authentication, body parsing and validation, and the Idempotency-Key of
 * creating requests. The handler itself only calls a use case and returns its result.
 */
export function httpHandler<E extends Endpoint>(
  endpoint: E,
  handle: (request: HttpRequest<E>) => Promise<HttpResult<SuccessBody<E>>>,
) {
  const base = async (
    event: APIGatewayProxyEventV2,
    context: Context,
  ): Promise<APIGatewayProxyStructuredResultV2> => {
    const { parsed } = context as HttpContext;
    const keyed = parsed.idempotency;
    const execute = () =>
      handle({
        body: parsed.body as Output<E['body']>,
        query: parsed.query as Output<E['query']>,
        path: (parsed.path ?? {}) as HttpRequest<E>['path'],
        caller: parsed.caller as HttpRequest<E>['caller'],
        idempotency: keyed ?? noIdempotency,
        event,
      });
    // A keyed request runs once; a retry with the same key gets the stored answer back.
    const result = keyed ? await keyed.run(execute) : await execute();
    return {
      statusCode: result.status ?? endpoint.success.status,
      headers: { 'content-type': 'application/json; charset=utf-8', ...result.headers },
      body: JSON.stringify(result.body),
    };
  };
  return (
    middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>(base)
      .use(injectLambdaContext(logger, { resetKeys: true }))
      .use(securityHeaders())
      .use(requestLog())
      .use(errorResponses())
      // The environment is checked before any work (config() caches it): a wrong deployment fails its
      // first request with the variable named in the log, not halfway through a write.
      .use({ before: () => void config() })
      .use(authentication(endpoint))
      .use(parameters(endpoint))
      .use(jsonBody(endpoint))
      .use(idempotencyKey(endpoint))
  );
}

export const ok = <T>(body: T): HttpResult<T> => ({ body });

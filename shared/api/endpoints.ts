/**
 * The HTTP contract as data: every endpoint with its method, path, who may call it, and the zod
 * schemas of its input and output. The OpenAPI document, the local router and the CDK routes are
 * all derived from this list (through functions/routes.ts), so they cannot drift apart.
 */
import type { z } from 'zod';
import {
  devLoginRequestSchema,
  devLoginResponseSchema,
  errorBodySchema,
  healthSchema,
  meSchema,
  referenceSchema,
} from './schemas.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Endpoint {
  method: HttpMethod;
  /** API Gateway route path, with `{param}` placeholders. */
  path: string;
  /** `public` routes carry no token; every other route needs a signed-in caller. */
  access: 'public' | 'signed-in';
  /** Served by the local runtime only; the deployed stack has no route to it. */
  localOnly?: boolean;
  summary: string;
  tag: string;
  body?: z.ZodType;
  query?: z.ZodType;
  /** Success status and schema. */
  success: { status: number; schema: z.ZodType | 'any' };
}

export const endpoints = {
  health: {
    method: 'GET',
    path: '/api/health',
    access: 'public',
    summary: 'Liveness: answers once the data store answers',
    tag: 'system',
    success: { status: 200, schema: healthSchema },
  },
  openApi: {
    method: 'GET',
    path: '/api/openapi.json',
    access: 'public',
    summary: 'This contract as an OpenAPI 3.1 document',
    tag: 'system',
    success: { status: 200, schema: 'any' },
  },
  devLogin: {
    method: 'POST',
    path: '/api/dev/login',
    access: 'public',
    localOnly: true,
    summary: 'Local runtime only: sign in as an organisation and role, get a bearer token',
    tag: 'system',
    body: devLoginRequestSchema,
    success: { status: 200, schema: devLoginResponseSchema },
  },
  me: {
    method: 'GET',
    path: '/api/me',
    access: 'signed-in',
    summary: 'Who the caller is: organisation and role',
    tag: 'identity',
    success: { status: 200, schema: meSchema },
  },
  reference: {
    method: 'GET',
    path: '/api/reference',
    access: 'signed-in',
    summary:
      'Reference data: participating states, host countries, semesters with their Presidency, report templates',
    tag: 'reference',
    success: { status: 200, schema: referenceSchema },
  },
} as const satisfies Record<string, Endpoint>;

export type EndpointId = keyof typeof endpoints;

export { errorBodySchema };

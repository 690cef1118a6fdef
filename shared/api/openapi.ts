import { z } from 'zod';
import { type ErrorCode, errorStatus } from '../errors.ts';
import { type Endpoint, endpoints, errorBodySchema } from './endpoints.ts';

type JsonSchema = Record<string, unknown>;

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** The whole HTTP contract as an OpenAPI 3.1 document, generated from the zod schemas. */
export function buildOpenApiDocument(options: { serverUrl?: string; version: string }): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, endpoint] of Object.entries(endpoints) as [string, Endpoint][]) {
    const operation: Record<string, unknown> = {
      operationId,
      summary: endpoint.summary,
      tags: [endpoint.tag],
      security: endpoint.access === 'public' ? [] : [{ bearer: [] }],
      responses: {
        [endpoint.success.status]: {
          description: 'Success',
          content: {
            'application/json': {
              schema: endpoint.success.schema === 'any' ? {} : toSchema(endpoint.success.schema, 'output'),
            },
          },
        },
        ...(endpoint.body ? { 400: errorResponse('Invalid request: `fields` names each wrong field') } : {}),
        ...(endpoint.access === 'public' ? {} : { 401: errorResponse('No valid bearer token') }),
      },
    };
    const params = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (params.length > 0) operation.parameters = params;
    if (endpoint.localOnly) operation['x-local-only'] = true;
    if (endpoint.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: toSchema(endpoint.body, 'input') } },
      };
    }
    paths[endpoint.path] = { ...paths[endpoint.path], [endpoint.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'ILO Network Platform API',
      version: options.version,
      description:
        'Notifications of immigration liaison officers, local ILO networks and semester reports (Regulation (EC) No 377/2004).',
    },
    servers: options.serverUrl ? [{ url: options.serverUrl }] : [],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Error: {
          ...toSchema(errorBodySchema, 'output'),
          description: `Every failure. Codes and statuses: ${(Object.entries(errorStatus) as [ErrorCode, number][])
            .map(([code, status]) => `${code} (${status})`)
            .join(', ')}`,
        },
      },
    },
  };
}

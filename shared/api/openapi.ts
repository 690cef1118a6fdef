import * as z from 'zod';
import { type ErrorCode, errorMeaning, errorStatus } from '../errors.ts';
import { type Endpoint, endpoints, errorCodesOf, IDEMPOTENCY_KEY_PATTERN } from './endpoints.ts';

type JsonSchema = Record<string, unknown>;

const componentUri = (id: string) => `#/components/schemas/${id}`;

/** Every schema registered with `.meta({ id })`, as OpenAPI components, read as input or as output. */
function components(io: 'input' | 'output'): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { io, uri: componentUri, unrepresentable: 'any' }) as {
    schemas: Record<string, JsonSchema>;
  };
  const cleaned: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _schema, $id: _id, id: _metaId, ...rest } = schema;
    cleaned[id] = rest;
  }
  return cleaned;
}

/** The component id of an endpoint's schema; every body and response schema carries one. */
export function schemaId(schema: z.ZodType): string {
  const id = z.globalRegistry.get(schema)?.id;
  if (!id) throw new Error('Every request and response schema of an endpoint needs .meta({ id })');
  return id;
}

const ref = (schema: z.ZodType) => ({ $ref: componentUri(schemaId(schema)) });

function propertiesOf(schema: z.ZodType): Record<string, JsonSchema> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, JsonSchema>;
  };
  return json.properties ?? {};
}

function queryParameters(schema: z.ZodType) {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

/**
 * One response per error status the endpoint answers: the Error schema with `error.code` narrowed to
 * the codes this operation answers with that status, each code explained in the description.
 */
function errorResponses(endpoint: Endpoint): Record<string, unknown> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodesOf(endpoint)) {
    const status = errorStatus[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => [
      status,
      {
        description: codes.map((code) => `${code}: ${errorMeaning[code]}`).join('; '),
        content: {
          'application/json': {
            schema: {
              allOf: [
                { $ref: componentUri('Error') },
                {
                  type: 'object',
                  properties: {
                    error: { type: 'object', properties: { code: { type: 'string', enum: codes } } },
                  },
                },
              ],
            },
          },
        },
        ...(status === errorStatus.service_unavailable
          ? { headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' } } }
          : {}),
      },
    ]),
  );
}

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
              schema: endpoint.success.schema === 'any' ? {} : ref(endpoint.success.schema),
            },
          },
          ...(endpoint.idempotent
            ? {
                headers: {
                  'Idempotent-Replayed': {
                    schema: { type: 'string', enum: ['true'] },
                    description:
                      'Present when this is the stored answer of an earlier request with the same key',
                  },
                },
              }
            : {}),
        },
        ...errorResponses(endpoint),
      },
    };
    const params = [
      ...[...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
        name: m[1],
        in: 'path',
        required: true,
        schema: endpoint.params
          ? (propertiesOf(endpoint.params)[m[1] ?? ''] ?? { type: 'string' })
          : { type: 'string' },
      })),
      ...(endpoint.query ? queryParameters(endpoint.query) : []),
      ...(endpoint.idempotent
        ? [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source },
              description:
                'A key of your choosing (a UUID) per submission, sent again with every retry of it: the first request creates, a retry with the same body gets the same answer back and creates nothing; with another body, 422. Kept 24 hours, per caller and endpoint.',
            },
          ]
        : []),
    ];
    if (params.length > 0) operation.parameters = params;
    if (endpoint.localOnly) operation['x-local-only'] = true;
    if (endpoint.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: ref(endpoint.body) } },
      };
    }
    paths[endpoint.path] = { ...paths[endpoint.path], [endpoint.method.toLowerCase()]: operation };
  }
  // Responses read as output, request bodies as input (defaults make fields optional on the way in).
  const schemas = components('output');
  const inputs = components('input');
  for (const endpoint of Object.values(endpoints) as Endpoint[]) {
    if (endpoint.body) schemas[schemaId(endpoint.body)] = inputs[schemaId(endpoint.body)] ?? {};
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
        ...schemas,
        Error: {
          ...schemas.Error,
          description: `Every failure. Codes and statuses: ${(
            Object.entries(errorStatus) as [ErrorCode, number][]
          )
            .map(([code, status]) => `${code} (${status})`)
            .join(', ')}`,
        },
      },
    },
  };
}

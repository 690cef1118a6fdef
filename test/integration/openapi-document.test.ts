import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Endpoint, endpoints, errorCodesOf } from '#shared/api/endpoints.ts';
import { errorStatus } from '#shared/errors.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

interface ErrorResponse {
  content: {
    'application/json': {
      schema: { allOf: [unknown, { properties: { error: { properties: { code: { enum: string[] } } } } }] };
    };
  };
}

describe('the OpenAPI document as the running API serves it', () => {
  it('is valid OpenAPI 3.1 by an outside validator (@apidevtools/swagger-parser)', async () => {
    const served = await app.call('GET', '/api/openapi.json', { token: await app.login('DE', 'reader') });
    expect(served.status).toBe(200);
    const document = structuredClone(served.json);
    await expect(SwaggerParser.validate(document)).resolves.toMatchObject({ openapi: '3.1.0' });
  });

  it('lists every error status of each operation with exactly the codes it answers', async () => {
    const served = await app.call('GET', '/api/openapi.json', { token: await app.login('DE', 'reader') });
    for (const [operationId, endpoint] of Object.entries(endpoints) as [string, Endpoint][]) {
      const { responses } = served.json.paths[endpoint.path][endpoint.method.toLowerCase()];
      const documented: Record<string, string[]> = {};
      for (const [status, response] of Object.entries(responses as Record<string, ErrorResponse>)) {
        if (Number(status) < 400) continue;
        documented[status] =
          response.content['application/json'].schema.allOf[1].properties.error.properties.code.enum;
      }
      const expected: Record<string, string[]> = {};
      for (const code of errorCodesOf(endpoint)) {
        const status = errorStatus[code];
        expected[status] = [...(expected[status] ?? []), code];
      }
      expect(documented, operationId).toEqual(expected);
    }
    // The examples the issue found undocumented.
    expect(served.json.paths['/api/secondments/{id}'].get.responses).toHaveProperty('404');
    expect(served.json.paths['/api/secondments/{id}'].put.responses).toHaveProperty('403');
  });
});

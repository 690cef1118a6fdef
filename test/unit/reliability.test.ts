import { describe, expect, it } from 'vitest';
import { isUnavailable } from '../../functions/lib/http/errors.ts';
import { endpoints } from '../../shared/api/endpoints.ts';
import { buildOpenApiDocument } from '../../shared/api/openapi.ts';

type Operation = {
  parameters?: { name: string; in: string; required: boolean }[];
  responses: Record<string, { headers?: Record<string, unknown> }>;
};

describe('the contract documents the reliability behaviour', () => {
  const document = buildOpenApiDocument({ version: 'test' }) as {
    paths: Record<string, Record<string, Operation>>;
  };
  const operation = (id: keyof typeof endpoints) => {
    const endpoint = endpoints[id];
    return document.paths[endpoint.path]?.[endpoint.method.toLowerCase()] as Operation;
  };

  it('an optional Idempotency-Key on creating requests, the replay header and 422 on reuse', () => {
    const create = operation('createSecondment');
    expect(create.parameters).toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }),
    );
    expect(create.responses['201']?.headers).toHaveProperty('Idempotent-Replayed');
    expect(create.responses).toHaveProperty('422');
    const update = operation('updateSecondment');
    expect(update.parameters?.map((p) => p.name)).not.toContain('Idempotency-Key');
    expect(update.responses).not.toHaveProperty('422');
  });

  it('503 with Retry-After on every operation', () => {
    for (const methods of Object.values(document.paths)) {
      for (const op of Object.values(methods)) {
        expect(op.responses['503']?.headers).toHaveProperty('Retry-After');
      }
    }
  });
});

describe('which failures are a 503', () => {
  const cancelled = (...codes: string[]) => ({
    name: 'TransactionCanceledException',
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

  it('throttling, 5xx, refused connections and transaction conflicts', () => {
    expect(
      isUnavailable({ name: 'ProvisionedThroughputExceededException', $metadata: { httpStatusCode: 400 } }),
    ).toBe(true);
    expect(isUnavailable({ name: 'SlowDown', $metadata: { httpStatusCode: 503 } })).toBe(true);
    expect(isUnavailable({ name: 'Error', code: 'ECONNREFUSED' })).toBe(true);
    expect(isUnavailable({ name: 'InternalServerError', $metadata: { httpStatusCode: 500 } })).toBe(true);
    expect(isUnavailable(cancelled('None', 'TransactionConflict'))).toBe(true);
    expect(isUnavailable(cancelled('ThrottlingError', 'None'))).toBe(true);
  });

  it('not a failed condition, a validation error or a bug', () => {
    expect(isUnavailable(cancelled('ConditionalCheckFailed', 'TransactionConflict'))).toBe(false);
    expect(isUnavailable({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } })).toBe(false);
    expect(isUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isUnavailable(undefined)).toBe(false);
  });
});

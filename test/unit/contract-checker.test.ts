import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../shared/api/openapi.ts';
import { ContractChecker, type OpenApiDocument, operationOf } from '../support/contract.ts';

/** The check every suite's answers go through (test/support/app.ts), on answers made up here. */
const checker = new ContractChecker(buildOpenApiDocument({ version: 'test' }) as unknown as OpenApiDocument);
const json = new Headers({ 'content-type': 'application/json; charset=utf-8' });
const error = (code: string) => ({ error: { code, message: 'Why.' } });
const secondment = '/api/secondments/01ARZ3NDEKTSV4RRFFQ69G5FAV';

describe('the contract checker', () => {
  it('matches a request to its operation by method and path template', () => {
    expect(operationOf('PUT', secondment).operationId).toBe('updateSecondment');
    expect(operationOf('GET', `${secondment}/history?x=1`).operationId).toBe('secondmentHistory');
    expect(operationOf('GET', '/api/semesters/2026-H1/reports/DE/html').operationId).toBe('getReportHtml');
    expect(operationOf('DELETE', secondment).operationId).toBe('(method not allowed)');
    expect(operationOf('GET', '/api/nothing').operationId).toBe('(no route)');
  });

  it('passes documented answers and records them', () => {
    expect(
      checker.problems('PUT', secondment, { status: 409, headers: json, json: error('stale_version') }),
    ).toEqual([]);
    expect(
      checker.problems('GET', '/api/health', { status: 200, headers: json, json: { status: 'ok' } }),
    ).toEqual([]);
    expect(
      checker.problems('GET', '/api/nothing', { status: 404, headers: json, json: error('not_found') }),
    ).toEqual([]);
    expect(checker.seen.get('updateSecondment 409 stale_version')).toEqual({
      operationId: 'updateSecondment',
      status: 409,
      code: 'stale_version',
    });
  });

  it('fails an error code the operation does not document for that status', () => {
    const problems = checker.problems('PUT', secondment, {
      status: 409,
      headers: json,
      json: error('semester_closed'),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /updateSecondment 409.*\/error\/code must be equal to one of the allowed values/,
    );
  });

  it('fails a status the operation does not document', () => {
    const problems = checker.problems('GET', '/api/me', {
      status: 404,
      headers: json,
      json: error('not_found'),
    });
    expect(problems).toEqual(['GET /api/me -> 404 not_found: me does not document status 404']);
  });

  it("fails a body that does not match the document's schema for the status", () => {
    const problems = checker.problems('GET', '/api/health', {
      status: 200,
      headers: json,
      json: { status: 'fine' },
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/health 200: \/status must be equal to constant/);
    const bare = checker.problems('PUT', secondment, {
      status: 409,
      headers: json,
      json: { code: 'stale_version' },
    });
    expect(bare[0]).toMatch(/must have required property 'error'/);
  });

  it('fails a request that reaches no operation unless the router answers it', () => {
    const problems = checker.problems('GET', '/api/nothing', {
      status: 500,
      headers: json,
      json: error('internal_error'),
    });
    expect(problems[0]).toMatch(/reaches no operation answers 404 not_found/);
  });
});

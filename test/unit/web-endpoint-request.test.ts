import { describe, expect, it } from 'vitest';
import { type Endpoint, endpoints } from '../../shared/api/endpoints.ts';
import { type CallOptions, requestPath } from '../../web/src/lib/endpoint-request.ts';

// The request path the web app's callEndpoint sends (below the deployment's apiBaseUrl).
describe('web callEndpoint: the request path built from the contract', () => {
  it('fills each placeholder of the path template, in place, below /api', () => {
    expect(
      requestPath(endpoints.submitContribution, { path: { id: '2026-H1', net: 'R-sahel', state: 'FR' } }),
    ).toBe('/semesters/2026-H1/networks/R-sahel/contributions/FR/submit');
    expect(requestPath(endpoints.me)).toBe('/me');
  });

  it('URL-encodes each path parameter, so that a value cannot reach another route', () => {
    expect(requestPath(endpoints.getSecondment, { path: { id: '../arrangements/x y?z#w' } })).toBe(
      '/secondments/..%2Farrangements%2Fx%20y%3Fz%23w',
    );
  });

  it('encodes the query values given and leaves out the absent and empty ones', () => {
    expect(
      requestPath(endpoints.listSecondments, {
        query: {
          hostCountry: 'TR',
          state: '',
          status: 'notified',
          phase: undefined,
          limit: 25,
          cursor: 'a b&c=d',
        },
      }),
    ).toBe('/secondments?hostCountry=TR&status=notified&limit=25&cursor=a+b%26c%3Dd');
    expect(
      requestPath(endpoints.getReport, { path: { id: '2026-H1', net: 'TR' }, query: { version: undefined } }),
    ).toBe('/semesters/2026-H1/reports/TR');
  });

  it('refuses a call without a value for a placeholder, and a path outside the contract', () => {
    expect(() => requestPath(endpoints.getNetwork, { path: {} })).toThrow('called without {id}');
    const outside: Pick<Endpoint, 'method' | 'path'> = { method: 'GET', path: '/apis/me' };
    expect(() => requestPath(outside, {})).toThrow('is not under /api/');
  });

  it('builds a path for every endpoint of the contract, with no placeholder left', () => {
    for (const endpoint of Object.values(endpoints)) {
      const names = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name as string);
      const path = Object.fromEntries(names.map((name) => [name, `value-of-${name}`]));
      const built = requestPath(endpoint, { path });
      expect(built).toBe(endpoint.path.replace(/^\/api/, '').replace(/\{(\w+)\}/g, 'value-of-$1'));
      expect(built).not.toMatch(/[{}]/);
    }
  });

  // What callEndpoint accepts, checked by `npm run typecheck`: each entry marked as an expected error
  // must fail to compile (else the unused directive fails the typecheck).
  it('types the path parameters, query and body of each endpoint by the contract', () => {
    const contribution: CallOptions<typeof endpoints.getContribution>[] = [
      { path: { id: '2026-H1', net: 'TR', state: 'FR' } },
      // @ts-expect-error a path parameter of the template is missing
      { path: { id: '2026-H1', net: 'TR' } },
      // @ts-expect-error the endpoint takes no body
      { path: { id: '2026-H1', net: 'TR', state: 'FR' }, body: { version: 1 } },
    ];
    const secondments: CallOptions<typeof endpoints.listSecondments>[] = [
      { query: { status: 'notified', limit: 25 } },
      // @ts-expect-error not a status the query schema takes
      { query: { status: 'lost' } },
      // @ts-expect-error not a filter of this endpoint
      { query: { colour: 'blue' } },
    ];
    const close: CallOptions<typeof endpoints.closeSemester>[] = [
      { path: { id: '2026-H1' }, body: { force: true } },
      // @ts-expect-error the body is required, typed by the body schema
      { path: { id: '2026-H1' } },
    ];
    expect(requestPath(endpoints.getContribution, contribution[0])).toBe(
      '/semesters/2026-H1/networks/TR/contributions/FR',
    );
    expect(requestPath(endpoints.listSecondments, secondments[0])).toBe(
      '/secondments?status=notified&limit=25',
    );
    expect(requestPath(endpoints.closeSemester, close[0])).toBe('/semesters/2026-H1/close');
  });
});

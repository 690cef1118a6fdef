import type { z } from 'zod';
import type { Endpoint } from '#shared/api/endpoints.ts';

/**
 * What a call of one endpoint of the contract (`shared/api/endpoints.ts`) takes and answers, as types
 * derived from the endpoint itself, and the request path built from it. Free of the browser and of
 * the configuration, so that the unit tests can check the path building as it is.
 */

/** `'/api/semesters/{id}/reports/{net}'` -> `'id' | 'net'`. */
type PathParamName<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathParamName<Rest>
  : never;

/** The values of an endpoint's `{param}` placeholders, unencoded. */
export type PathParams<E extends Endpoint> = { [Name in PathParamName<E['path']>]: string };

type QueryValue = string | number | boolean;

/**
 * The query schema's input, as a URL carries it: a coerced field (`z.coerce.number()`) takes
 * `unknown`, which here is narrowed to what a query string can say.
 */
export type QueryParams<Schema extends z.ZodType> = {
  [Name in keyof z.input<Schema>]: unknown extends z.input<Schema>[Name]
    ? QueryValue
    : Extract<z.input<Schema>[Name], QueryValue>;
};

type PathOption<E extends Endpoint> = [PathParamName<E['path']>] extends [never]
  ? { path?: undefined }
  : { path: PathParams<E> };

type QueryOption<E extends Endpoint> = E extends { query: infer Schema extends z.ZodType }
  ? object extends QueryParams<Schema>
    ? { query?: QueryParams<Schema> }
    : { query: QueryParams<Schema> }
  : { query?: undefined };

type BodyOption<E extends Endpoint> = E extends { body: infer Schema extends z.ZodType }
  ? { body: z.input<Schema> }
  : { body?: undefined };

/** What a call of `E` takes: each part the endpoint declares, typed by its schema, and nothing else. */
export type CallOptions<E extends Endpoint> = PathOption<E> &
  QueryOption<E> &
  BodyOption<E> & { signal?: AbortSignal | undefined };

/** The request body `E` takes (its body schema's input). */
export type EndpointBody<E extends Endpoint> = E extends { body: infer Schema extends z.ZodType }
  ? z.input<Schema>
  : never;

/** What a successful call of `E` resolves to: its success schema's output. */
export type EndpointResult<E extends Endpoint> = E['success']['schema'] extends z.ZodType
  ? z.output<E['success']['schema']>
  : unknown;

/** The contract's paths start here; the deployment says where it is served (`apiBaseUrl`). */
export const CONTRACT_PATH_PREFIX = '/api';

/**
 * The endpoint's path below `CONTRACT_PATH_PREFIX`, its placeholders filled in (each value
 * URL-encoded), with the query string of the query values given (an empty or absent value is left
 * out: it means "no filter").
 */
export function requestPath(
  endpoint: Pick<Endpoint, 'method' | 'path'>,
  { path, query }: { path?: Readonly<Record<string, string>> | undefined; query?: object | undefined } = {},
): string {
  if (!endpoint.path.startsWith(`${CONTRACT_PATH_PREFIX}/`)) {
    throw new Error(`${endpoint.method} ${endpoint.path} is not under ${CONTRACT_PATH_PREFIX}/`);
  }
  const filled = endpoint.path.slice(CONTRACT_PATH_PREFIX.length).replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = path?.[name];
    if (value === undefined) throw new Error(`${endpoint.method} ${endpoint.path} called without {${name}}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  }
  const queryString = search.toString();
  return queryString ? `${filled}?${queryString}` : filled;
}

/**
 * Which handler file serves which endpoint of the contract. The CDK stack makes one function and one
 * route per row; the local runtime dispatches to the same files. Paths are relative to functions/.
 */
import { type EndpointId, endpoints } from '#shared/api/endpoints.ts';

export interface Route {
  endpoint: EndpointId;
  /** Handler module, relative to this folder; it exports `handler`. */
  entry: string;
  /** What the handler does with the table: the stack grants exactly that (read is the default). */
  table?: 'read' | 'read-write';
}

export const routes: readonly Route[] = [
  { endpoint: 'health', entry: 'handlers/health.ts' },
  { endpoint: 'openApi', entry: 'handlers/openapi.ts' },
  { endpoint: 'me', entry: 'handlers/me.ts' },
  { endpoint: 'reference', entry: 'handlers/reference.ts' },
];

/** Jobs: handlers started by a schedule, a deployment or a queue rather than by a route. */
export const jobs = {
  seedReference: { entry: 'handlers/seed-reference.ts', table: 'read-write' },
} as const;

export const routeKey = (route: Route) =>
  `${endpoints[route.endpoint].method} ${endpoints[route.endpoint].path}`;

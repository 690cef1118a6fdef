/**
 * Which handler file serves which endpoint of the contract. The CDK stack makes one function and one
 * route per row; the local runtime dispatches to the same files. Paths are relative to functions/.
 */
import { type EndpointId, endpoints } from '#shared/api/endpoints.ts';

export interface Route {
  endpoint: EndpointId;
  /** Handler module, relative to this folder; it exports `handler`. */
  entry: string;
}

export const routes: readonly Route[] = [
  { endpoint: 'health', entry: 'handlers/health.ts' },
  { endpoint: 'openApi', entry: 'handlers/openapi.ts' },
  { endpoint: 'me', entry: 'handlers/me.ts' },
  { endpoint: 'reference', entry: 'handlers/reference.ts' },
];

/** Jobs: handlers started by a schedule, a deployment or a queue rather than by a route. */
export const jobs = {
  seedReference: { entry: 'handlers/seed-reference.ts' },
} as const;

export const routeKey = (route: Route) =>
  `${endpoints[route.endpoint].method} ${endpoints[route.endpoint].path}`;

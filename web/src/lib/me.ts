import { queryOptions, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { callEndpoint } from './api-client.ts';
import { loadEndpoints } from './endpoints.ts';

/** Who is signed in (`GET /api/me`): used by the header and by any page that greets the person. */
export const meQueryKey = ['me'] as const;

/** The query, for the signed-in routes' loader (app/router.tsx) as for the hooks. */
export const meQuery = queryOptions({
  queryKey: meQueryKey,
  queryFn: async ({ signal }) => callEndpoint((await loadEndpoints()).me, { signal }),
  staleTime: Number.POSITIVE_INFINITY,
});

export function useMe() {
  return useQuery(meQuery);
}

/** The signed-in person, on a page under the signed-in routes: their loader has read it already. */
export function useSignedInMe() {
  return useSuspenseQuery(meQuery).data;
}

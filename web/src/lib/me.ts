import { useQuery } from '@tanstack/react-query';
import { callEndpoint } from './api-client.ts';
import { loadEndpoints } from './endpoints.ts';

/** Who is signed in (`GET /api/me`): used by the header and by any page that greets the person. */
export const meQueryKey = ['me'] as const;

export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async ({ signal }) => callEndpoint((await loadEndpoints()).me, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

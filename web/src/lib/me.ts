import { useQuery } from '@tanstack/react-query';
import { meSchema } from '#shared/api/schemas.ts';
import { apiRequest } from './api-client.ts';

/** Who is signed in (`GET /api/me`): used by the header and by any page that greets the person. */
export const meQueryKey = ['me'] as const;

export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => apiRequest('/me', { schema: meSchema, signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

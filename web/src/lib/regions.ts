import { useQuery } from '@tanstack/react-query';
import { endpoints } from '#shared/api/endpoints.ts';
import { callEndpoint } from './api-client.ts';
import type { EndpointResult } from './endpoint-request.ts';

export type Region = EndpointResult<typeof endpoints.listRegions>['items'][number];

/**
 * The regional networks (`GET /api/regional-networks`): the networks feature manages them, the
 * reports feature names them. One cache for both; a change to a region invalidates this key.
 */
export const regionsQueryKey = ['regional-networks'] as const;

export function useRegions(enabled: boolean) {
  return useQuery({
    queryKey: regionsQueryKey,
    queryFn: ({ signal }) => callEndpoint(endpoints.listRegions, { signal }),
    enabled,
  });
}

import { useQuery } from '@tanstack/react-query';
import { callEndpoint } from '../../../lib/api-client.ts';
import { loadEndpoints } from '../../../lib/endpoints.ts';

export const FEED_PANEL_SIZE = 10;

export const feedKeys = {
  all: ['feed'] as const,
  latest: (limit: number) => [...feedKeys.all, 'latest', limit] as const,
};

/** The latest notifications addressed to the caller's organisation (`GET /api/feed`), newest first. */
export function useLatestNotifications(limit = FEED_PANEL_SIZE) {
  return useQuery({
    queryKey: feedKeys.latest(limit),
    queryFn: async ({ signal }) => callEndpoint((await loadEndpoints()).feed, { query: { limit }, signal }),
    // Others' notifications arrive at any time: read again after 30 s, and on returning to the tab.
    staleTime: 30_000,
  });
}

import { useQuery } from '@tanstack/react-query';
import { feedSchema } from '#shared/feed.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export const FEED_PANEL_SIZE = 10;

export const feedKeys = {
  all: ['feed'] as const,
  latest: (limit: number) => [...feedKeys.all, 'latest', limit] as const,
};

/** The latest notifications addressed to the caller's organisation (`GET /api/feed`), newest first. */
export function useLatestNotifications(limit = FEED_PANEL_SIZE) {
  return useQuery({
    queryKey: feedKeys.latest(limit),
    queryFn: ({ signal }) => apiRequest(`/feed?limit=${limit}`, { schema: feedSchema, signal }),
    // Others' notifications arrive at any time: read again after 30 s, and on returning to the tab.
    staleTime: 30_000,
  });
}

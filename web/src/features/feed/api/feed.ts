import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Me } from '#shared/api/schemas.ts';
import { callEndpoint } from '../../../lib/api-client.ts';
import { loadEndpoints } from '../../../lib/endpoints.ts';
import { queryClient } from '../../../lib/query-client.ts';

export const FEED_PANEL_SIZE = 10;

export const feedKeys = {
  all: ['feed'] as const,
  latest: (limit: number) => [...feedKeys.all, 'latest', limit] as const,
};

/** The latest notifications addressed to the caller's organisation (`GET /api/feed`), newest first. */
export function latestNotificationsQuery(limit = FEED_PANEL_SIZE) {
  return queryOptions({
    queryKey: feedKeys.latest(limit),
    queryFn: async ({ signal }) => callEndpoint((await loadEndpoints()).feed, { query: { limit }, signal }),
    // Others' notifications arrive at any time: read again after 30 s, and on returning to the tab.
    staleTime: 30_000,
  });
}

export function useLatestNotifications(limit = FEED_PANEL_SIZE) {
  return useQuery(latestNotificationsQuery(limit));
}

/** Secondment notifications go to the states, the Council and the Commission (not the Parliament, not EBCG). */
export const receivesNotifications = (me: Me) => me.capabilities.includes('secondments.read');

/** Read before the dashboard is shown (its route loader), so the panel comes complete with the page. */
export async function prefetchLatestNotifications(me: Me): Promise<void> {
  if (receivesNotifications(me)) await queryClient.prefetchQuery(latestNotificationsQuery());
}

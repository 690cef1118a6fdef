import { prefetchOutstandingContributions } from '../../features/contributions/components/OutstandingContributionsPanel.tsx';
import { prefetchLatestNotifications } from '../../features/feed/api/feed.ts';
import { meQuery } from '../../lib/me.ts';
import { queryClient } from '../../lib/query-client.ts';
import { getSession } from '../../lib/session.ts';

/**
 * The dashboard's loader: its panels' data (and code) before it is shown, so that the page is drawn
 * once, complete, and nothing moves as panels arrive. A panel whose read fails shows its own failure;
 * the signed-in loader beside this one deals with a failure to read who is signed in.
 */
export async function dashboardLoader(): Promise<null> {
  if (!getSession()) return null;
  const me = await queryClient.ensureQueryData(meQuery).catch(() => undefined);
  if (me) await Promise.all([prefetchOutstandingContributions(me), prefetchLatestNotifications(me)]);
  return null;
}

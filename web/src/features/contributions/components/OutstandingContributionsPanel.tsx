import { lazy, Suspense } from 'react';
import type { Me } from '#shared/api/schemas.ts';
import { useSignedInMe } from '../../../lib/me.ts';
import { queryClient } from '../../../lib/query-client.ts';
import { outstandingContributionsQuery } from '../api/contributions.ts';

// The panel's code (and the contract's contribution schemas) load after the dashboard's, and only for
// those who write contributions: the first download stays small.
let loaded: typeof import('./OutstandingContributions.tsx') | undefined;
const loadPanel = async () => {
  loaded = await import('./OutstandingContributions.tsx');
  return loaded;
};
const LazyOutstandingContributions = lazy(async () => ({
  default: (await loadPanel()).OutstandingContributions,
}));

const writesContributions = (me: Me) => me.capabilities.includes('contributions.write');

/**
 * The panel's code and data, read before the dashboard is shown (its route loader): the panel then
 * appears complete with the page, and moves nothing when it would otherwise arrive.
 */
export async function prefetchOutstandingContributions(me: Me): Promise<void> {
  if (!writesContributions(me)) return;
  await Promise.all([loadPanel(), queryClient.prefetchQuery(outstandingContributionsQuery)]);
}

/** Dashboard panel "My outstanding contributions", for the editors and coordinators of a state. */
export function OutstandingContributionsPanel() {
  const me = useSignedInMe();
  if (!writesContributions(me)) return null;
  // Prefetched: drawn at once, without a moment of nothing (which lazy() would show first).
  if (loaded) return <loaded.OutstandingContributions />;
  return (
    <Suspense fallback={null}>
      <LazyOutstandingContributions />
    </Suspense>
  );
}

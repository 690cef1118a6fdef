import { lazy, Suspense } from 'react';
import { useSignedInMe } from '../../../lib/me.ts';

// The panel's code (and the contract's contribution schemas) load after the dashboard, and only for
// those who write contributions: the first download stays small.
const OutstandingContributions = lazy(async () => ({
  default: (await import('./OutstandingContributions.tsx')).OutstandingContributions,
}));

/** Dashboard panel "My outstanding contributions", for the editors and coordinators of a state. */
export function OutstandingContributionsPanel() {
  const me = useSignedInMe();
  if (!me.capabilities.includes('contributions.write')) return null;
  return (
    <Suspense fallback={null}>
      <OutstandingContributions />
    </Suspense>
  );
}

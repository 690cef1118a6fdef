import { useQuery } from '@tanstack/react-query';
import { Outlet } from 'react-router';
import { AppLayout } from '../../components/layout/AppLayout.tsx';
import { AccountSummary } from '../../features/auth/components/AccountSummary.tsx';
import { meQuery } from '../../lib/me.ts';
import { useSessionToken } from '../../lib/session.ts';
import { navigationFor } from '../navigation.ts';

/**
 * Every route's frame; once signed in, the account and the menu entries the person can use (by the
 * capabilities of `GET /api/me`, which the signed-in routes' loader reads first).
 */
export function RootLayout() {
  const signedIn = useSessionToken() !== null;
  // The menu entries that need a capability wait for `me`; signed out, nothing is asked.
  const me = useQuery({ ...meQuery, enabled: signedIn });
  return (
    <AppLayout
      navigation={signedIn ? navigationFor(me.data?.capabilities) : []}
      account={signedIn ? <AccountSummary /> : null}
    >
      <Outlet />
    </AppLayout>
  );
}

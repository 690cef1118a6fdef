import { Outlet } from 'react-router';
import { AppLayout } from '../../components/layout/AppLayout.tsx';
import { AccountSummary } from '../../features/auth/components/AccountSummary.tsx';
import { useSessionToken } from '../../lib/session.ts';
import { primaryNavigation } from '../navigation.ts';

/** Every route's frame; navigation and the account appear once signed in. */
export function RootLayout() {
  const signedIn = useSessionToken() !== null;
  return (
    <AppLayout navigation={signedIn ? primaryNavigation : []} account={signedIn ? <AccountSummary /> : null}>
      <Outlet />
    </AppLayout>
  );
}

import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { setUnauthenticatedHandler } from '../lib/api-client.ts';
import { i18next } from '../lib/i18n.ts';
import { queryClient } from '../lib/query-client.ts';
import { clearSession } from '../lib/session.ts';

// A 401 means the token is missing or has expired, or its person was disabled. Forgetting the session
// is enough: the route guard (RequireSignIn) then sends the person to sign in, remembering the page
// to come back to, where the sign-in page says which of these it was.
setUnauthenticatedHandler((code) => {
  clearSession(code === 'account_disabled' ? 'disabled' : 'ended');
  queryClient.clear();
});

export function AppProvider({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18next}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </I18nextProvider>
  );
}

import { i18next } from '../../lib/i18n.ts';
import { meQuery } from '../../lib/me.ts';
import { queryClient } from '../../lib/query-client.ts';
import { referenceQuery } from '../../lib/reference.ts';
import { getSession, takeFirstPageOfSession } from '../../lib/session.ts';

/**
 * The loader of every signed-in page: who is signed in and the reference data, read once and then
 * kept by the query cache, so that a page has both before it renders (`useSignedInMe`,
 * `useSignedInReference`) and its failure shows the route's error page. Without a session, or when
 * the token has expired (the 401 signs out), the route guard sends the person to sign in instead.
 */
export async function signedInLoader(): Promise<null> {
  if (!getSession()) return null;
  try {
    const [me] = await Promise.all([
      queryClient.ensureQueryData(meQuery),
      queryClient.ensureQueryData(referenceQuery),
    ]);
    // The product speaks the person's saved language from the sign-in on, on any browser.
    if (takeFirstPageOfSession() && me.language !== i18next.language)
      await i18next.changeLanguage(me.language);
  } catch (error) {
    // A 401 has signed the person out, cancelling the other read: no error then, the guard takes over.
    if (getSession()) throw error;
  }
  return null;
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { Page } from '../../../components/layout/Page.tsx';
import { ErrorState } from '../../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { paths } from '../../../config/paths.ts';
import { saveSession } from '../../../lib/session.ts';
import { signInMethod } from '../api/sign-in-method.ts';
import { safeReturnTo } from '../utils/return-to.ts';

type Outcome = { kind: 'waiting' } | { kind: 'signed-in'; returnTo: string } | { kind: 'failed' };

/** Where the hosted sign-in comes back with its code: exchanges it for the session, then goes on. */
export function SignInCallbackPage() {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'waiting' });

  useEffect(() => {
    const method = signInMethod();
    if (method.kind !== 'hosted') {
      setOutcome({ kind: 'failed' });
      return;
    }
    let current = true;
    method
      .complete(new URL(window.location.href))
      .then(({ session, returnTo }) => {
        saveSession(session);
        if (current) setOutcome({ kind: 'signed-in', returnTo: safeReturnTo(returnTo) });
      })
      .catch(() => {
        if (current) setOutcome({ kind: 'failed' });
      });
    return () => {
      current = false;
    };
  }, []);

  if (outcome.kind === 'signed-in') return <Navigate to={outcome.returnTo} replace />;
  return (
    <Page title={t('signIn.title')}>
      {outcome.kind === 'waiting' ? (
        <LoadingState label={t('signIn.completing')} />
      ) : (
        <>
          <ErrorState title={t('signIn.failed')} message={t('signIn.callbackFailed')} />
          <p>
            <Link to={paths.signIn}>{t('signIn.tryAgain')}</Link>
          </p>
        </>
      )}
    </Page>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { Page } from '../../../components/layout/Page.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { accountWasDisabled, sessionWasEnded, useSessionToken } from '../../../lib/session.ts';
import { type HostedSignInMethod, type SignInMethod, signInMethod } from '../api/sign-in-method.ts';
import { safeReturnTo } from '../utils/return-to.ts';
import { DevSignInForm } from './DevSignInForm.tsx';

export function SignInPage() {
  const { t } = useTranslation();
  const token = useSessionToken();
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnTo(searchParams.get('returnTo'));

  // Signed in (just now, or already): go on to the page that was asked for.
  if (token) return <Navigate to={returnTo} replace />;

  return (
    <Page title={t('signIn.title')}>
      {accountWasDisabled() ? (
        <Notice>{t('signIn.accountDisabled')}</Notice>
      ) : (
        sessionWasEnded() && <Notice>{t('signIn.sessionEnded')}</Notice>
      )}
      <SignInWith method={signInMethod()} returnTo={returnTo} />
    </Page>
  );
}

function SignInWith({ method, returnTo }: { method: SignInMethod; returnTo: string }) {
  switch (method.kind) {
    case 'dev':
      return <DevSignInForm method={method} />;
    case 'hosted':
      return <HostedSignIn method={method} returnTo={returnTo} />;
  }
}

/** One button to the organisation's sign-in pages (password and authenticator app are asked there). */
function HostedSignIn({ method, returnTo }: { method: HostedSignInMethod; returnTo: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'ready' | 'leaving' | 'failed'>('ready');
  const start = async () => {
    setState('leaving');
    try {
      await method.start(returnTo);
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <p>{t('signIn.hostedIntro')}</p>
      {state === 'failed' && <Notice>{t('signIn.hostedUnavailable')}</Notice>}
      <button className="button" type="button" disabled={state === 'leaving'} onClick={() => void start()}>
        {state === 'leaving' ? t('signIn.hostedLeaving') : t('signIn.hostedSubmit')}
      </button>
    </>
  );
}

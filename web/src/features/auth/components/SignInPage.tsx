import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { Page } from '../../../components/layout/Page.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { sessionWasEnded, useSessionToken } from '../../../lib/session.ts';
import { type SignInMethod, signInMethod } from '../api/sign-in-method.ts';
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
      {sessionWasEnded() && <Notice>{t('signIn.sessionEnded')}</Notice>}
      <SignInWith method={signInMethod} returnTo={returnTo} />
    </Page>
  );
}

function SignInWith({ method, returnTo }: { method: SignInMethod; returnTo: string }) {
  const { t } = useTranslation();
  switch (method.kind) {
    case 'dev':
      return <DevSignInForm method={method} />;
    case 'hosted':
      return (
        <button className="button" type="button" onClick={() => void method.start(returnTo)}>
          {t('signIn.submit')}
        </button>
      );
  }
}

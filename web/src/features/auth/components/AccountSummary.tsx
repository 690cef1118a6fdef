import { useTranslation } from 'react-i18next';
import { useOrganisationName } from '../../../lib/display-names.ts';
import { useMe } from '../../../lib/me.ts';
import { useSignOut } from '../api/use-sign-out.ts';

/** The header's "who is signed in" and the sign-out button. */
export function AccountSummary() {
  const { t } = useTranslation();
  const me = useMe();
  const organisationName = useOrganisationName();
  const signOut = useSignOut();
  return (
    <section className="account" aria-label={t('layout.account')}>
      {me.data && (
        <p className="account__who">
          {t('layout.signedInAs', {
            organisation: organisationName(me.data.organisation),
            role: t(`roles.${me.data.role}`),
          })}
        </p>
      )}
      <button className="button button--on-dark" type="button" onClick={signOut}>
        {t('layout.signOut')}
      </button>
    </section>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '#shared/api/schemas.ts';
import { useOrganisationName } from '../../../lib/display-names.ts';

export function WhoYouAre({ me }: { me: Me }) {
  const { t } = useTranslation();
  const headingId = useId();
  const organisationName = useOrganisationName();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 className="card__title" id={headingId}>
        {t('dashboard.whoYouAre')}
      </h2>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('dashboard.organisation')}</dt>
          <dd>{organisationName(me.organisation)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('dashboard.role')}</dt>
          <dd>{t(`roles.${me.role}`)}</dd>
        </div>
        {me.name && (
          <div className="facts__row">
            <dt>{t('dashboard.name')}</dt>
            <dd>{me.name}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

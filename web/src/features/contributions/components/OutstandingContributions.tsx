import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '../../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { contributionPath, paths } from '../../../config/paths.ts';
import { useOrganisationName } from '../../../lib/display-names.ts';
import { useSignedInMe } from '../../../lib/me.ts';
import { useOutstandingContributions } from '../api/contributions.ts';
import { useNetworkName } from '../utils/display.ts';

/**
 * Dashboard panel, "My outstanding contributions": the caller's state's contributions still to submit
 * this semester, each linking to its form, with the days left. Shown to those who write them.
 */
export function OutstandingContributions() {
  const { t } = useTranslation();
  const headingId = useId();
  const organisationName = useOrganisationName();
  const networkName = useNetworkName();
  const me = useSignedInMe();
  const writes = me.capabilities.includes('contributions.write');
  const outstanding = useOutstandingContributions(writes);
  if (!writes) return null;
  const state = me.organisation;

  let content: ReactNode;
  if (outstanding.error) {
    content = (
      <LoadError
        title={t('contributions.outstanding.loadFailed')}
        error={outstanding.error}
        onRetry={() => void outstanding.refetch()}
      />
    );
  } else if (!outstanding.data) {
    content = <LoadingState label={t('contributions.outstanding.loading')} />;
  } else if (outstanding.data.items.length === 0) {
    content = <p>{t('contributions.outstanding.empty', { state: organisationName(state) })}</p>;
  } else {
    content = (
      <ul className="feed">
        {outstanding.data.items.map((item) => (
          <li className="feed__item" key={`${item.semester}/${item.networkId}`}>
            <Link className="feed__link" to={contributionPath(item.semester, item.networkId, state)}>
              {t('contributions.outstanding.item', {
                network: networkName(item.networkId, 'start'),
                semester: item.semester,
              })}
            </Link>
            <span className="feed__meta">
              {t('contributions.outstanding.meta', {
                status: t(`contributions.statuses.${item.status}`),
                days: t('contributions.outstanding.daysLeft', { count: item.daysLeft }),
              })}
            </span>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section className="card card--wide" aria-labelledby={headingId}>
      <h2 className="card__title" id={headingId}>
        {t('contributions.outstanding.title')}
      </h2>
      {content}
      <p className="card__footer">
        <Link to={paths.semesters}>{t('contributions.outstanding.allSemesters')}</Link>
      </p>
    </section>
  );
}

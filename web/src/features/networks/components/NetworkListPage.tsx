import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../../components/layout/Page.tsx';
import { ErrorState } from '../../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { networkPath, paths } from '../../../config/paths.ts';
import { countryName, useOrganisationName } from '../../../lib/display-names.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
import { useMe } from '../../../lib/me.ts';
import { useListFormat, useSortByName } from '../../../lib/name-lists.ts';
import { type NetworkSummary, useNetworkList } from '../api/networks.ts';
import { totalIlos, useNetworkName } from '../utils/names.ts';
import { RegionManager } from './RegionManager.tsx';

/**
 * `/networks`: every network with an ILO today, by host country, and the regional networks; each
 * with its members and their ILOs. The Commission's administrators also keep the regional networks here.
 */
export function NetworkListPage() {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const me = useMe();
  const list = useNetworkList();
  const networkName = useNetworkName();
  const sortByName = useSortByName();

  let content: ReactNode;
  if (list.error) {
    content = (
      <ErrorState
        title={t('networks.list.loadFailed')}
        message={describeError(list.error)}
        onRetry={() => void list.refetch()}
      />
    );
  } else if (!list.data) {
    content = <LoadingState label={t('networks.list.loading')} />;
  } else {
    const countries = sortByName(
      list.data.items.filter((network) => network.kind === 'country'),
      networkName,
    );
    const regions = sortByName(
      list.data.items.filter((network) => network.kind === 'regional'),
      networkName,
    );
    content = (
      <>
        <section aria-labelledby="networks-country">
          <h2 className="section-title" id="networks-country">
            {t('networks.list.countryHeading')}
          </h2>
          {countries.length === 0 ? (
            <p>{t('networks.list.noCountry')}</p>
          ) : (
            <NetworkTable
              caption={t('networks.list.countryCaption', { count: countries.length })}
              networks={countries}
              regional={false}
            />
          )}
        </section>
        <section aria-labelledby="networks-regional">
          <h2 className="section-title" id="networks-regional">
            {t('networks.list.regionalHeading')}
          </h2>
          <p>{t('networks.list.regionalIntro')}</p>
          {regions.length === 0 ? (
            <p>{t('networks.list.noRegional')}</p>
          ) : (
            <NetworkTable
              caption={t('networks.list.regionalCaption', { count: regions.length })}
              networks={regions}
              regional
            />
          )}
        </section>
      </>
    );
  }

  return (
    <Page title={t('networks.list.title')}>
      <div className="page-intro">
        <p>{t('networks.list.intro')}</p>
        <Link className="button button--secondary" to={paths.arrangements}>
          {t('networks.list.arrangements')}
        </Link>
      </div>
      {content}
      {me.data?.capabilities.includes('regions.manage') && <RegionManager />}
    </Page>
  );
}

function NetworkTable({
  caption,
  networks,
  regional,
}: {
  caption: string;
  networks: readonly NetworkSummary[];
  regional: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  const organisationName = useOrganisationName();
  const networkName = useNetworkName();
  const sortByName = useSortByName();
  const join = useListFormat();
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              {regional ? t('networks.list.columns.region') : t('networks.list.columns.host')}
            </th>
            {regional && <th scope="col">{t('networks.list.columns.hostCountries')}</th>}
            <th scope="col">{t('networks.list.columns.members')}</th>
            <th scope="col" className="table__number">
              {t('networks.list.columns.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {networks.map((network) => (
            <tr key={network.id}>
              <th scope="row">
                <Link to={networkPath(network.id)}>{networkName(network)}</Link>
              </th>
              {regional && (
                <td>
                  {join(
                    sortByName(
                      network.hostCountries.map((code) => countryName(code, language)),
                      (name) => name,
                    ),
                  )}
                </td>
              )}
              <td>
                {network.members.length === 0
                  ? t('networks.list.noMembers')
                  : sortByName(network.members, (member) => organisationName(member.state))
                      .map((member) =>
                        t('networks.list.member', {
                          state: organisationName(member.state),
                          count: member.ilos,
                        }),
                      )
                      .join(', ')}
              </td>
              <td className="table__number">{totalIlos(network.members)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

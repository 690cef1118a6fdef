import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListPage } from '../../../components/list/ListPage.tsx';
import { Section } from '../../../components/ui/Section.tsx';
import { Table } from '../../../components/ui/Table.tsx';
import { networkPath, paths } from '../../../config/paths.ts';
import { countryName, useOrganisationName } from '../../../lib/display-names.ts';
import { useSignedInMe } from '../../../lib/me.ts';
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
  const me = useSignedInMe();
  const list = useNetworkList();
  return (
    <ListPage
      title={t('networks.list.title')}
      intro={t('networks.list.intro')}
      action={
        <Link className="button button--secondary" to={paths.arrangements}>
          {t('networks.list.arrangements')}
        </Link>
      }
      list={list}
      loading={t('networks.list.loading')}
      loadFailed={t('networks.list.loadFailed')}
      footer={me.capabilities.includes('regions.manage') && <RegionManager />}
    >
      {(data) => <NetworkSections networks={data.items} />}
    </ListPage>
  );
}

/** The networks by host country, then the regional networks. */
function NetworkSections({ networks }: { networks: readonly NetworkSummary[] }) {
  const { t } = useTranslation();
  const networkName = useNetworkName();
  const sortByName = useSortByName();
  const countries = sortByName(
    networks.filter((network) => network.kind === 'country'),
    networkName,
  );
  const regions = sortByName(
    networks.filter((network) => network.kind === 'regional'),
    networkName,
  );
  return (
    <>
      <Section id="networks-country" title={t('networks.list.countryHeading')}>
        {countries.length === 0 ? (
          <p>{t('networks.list.noCountry')}</p>
        ) : (
          <NetworkTable
            caption={t('networks.list.countryCaption', { count: countries.length })}
            networks={countries}
            regional={false}
          />
        )}
      </Section>
      <Section id="networks-regional" title={t('networks.list.regionalHeading')}>
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
      </Section>
    </>
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
    <Table
      caption={caption}
      columns={[
        regional ? t('networks.list.columns.region') : t('networks.list.columns.host'),
        ...(regional ? [t('networks.list.columns.hostCountries')] : []),
        t('networks.list.columns.members'),
        { label: t('networks.list.columns.total'), className: 'table__number' },
      ]}
    >
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
    </Table>
  );
}

import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { stateCodes } from '#shared/reference/states.ts';
import { FilterForm, FilterSelect, filterParams } from '../../../components/list/FilterForm.tsx';
import { ListCount, ListPage } from '../../../components/list/ListPage.tsx';
import { Table } from '../../../components/ui/Table.tsx';
import { arrangementPath, arrangementsPath, paths } from '../../../config/paths.ts';
import { formatCalendarDate } from '../../../lib/dates.ts';
import { countryName, useOrganisationName } from '../../../lib/display-names.ts';
import { useSignedInMe } from '../../../lib/me.ts';
import { useCountryOptions, useListFormat } from '../../../lib/name-lists.ts';
import { useHostCountryOptions } from '../../../lib/reference.ts';
import { type Arrangement, type ArrangementFilter, useArrangementList } from '../api/arrangements.ts';
import { useArrangementTitle } from '../utils/text.ts';
import { ArrangementStatus } from './ArrangementStatus.tsx';

const COUNTRY_CODE = /^[A-Z]{2}$/;

function filterFrom(params: URLSearchParams): ArrangementFilter {
  const hostCountry = params.get('hostCountry') ?? '';
  const state = params.get('state') ?? '';
  return {
    hostCountry: COUNTRY_CODE.test(hostCountry) ? hostCountry : undefined,
    state: COUNTRY_CODE.test(state) ? state : undefined,
  };
}

/**
 * `/arrangements?hostCountry=&state=`: representation and task-sharing arrangements (Art. 5), filtered by
 * host country and by party. The filters live in the address, so a filtered list can be shared.
 */
export function ArrangementListPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params);
  const list = useArrangementList(filter);

  return (
    <ListPage
      title={t('arrangements.list.title')}
      intro={t('arrangements.list.intro')}
      action={
        me.capabilities.includes('arrangements.propose') && (
          <Link className="button" to={paths.newArrangement}>
            {t('arrangements.list.propose')}
          </Link>
        )
      }
      controls={
        <ArrangementFilters
          key={params.toString()}
          filter={filter}
          onApply={(next) => setParams(filterParams(next))}
        />
      }
      list={list}
      loading={t('arrangements.list.loading')}
      loadFailed={t('arrangements.list.loadFailed')}
      footer={
        <p>
          <Link to={paths.networks}>{t('arrangements.list.toNetworks')}</Link>
        </p>
      }
    >
      {(data) => <ArrangementTable filter={filter} items={data.items} />}
    </ListPage>
  );
}

function ArrangementFilters({
  filter,
  onApply,
}: {
  filter: ArrangementFilter;
  onApply: (filter: ArrangementFilter) => void;
}) {
  const { t } = useTranslation();
  const hostOptions = useHostCountryOptions();
  const stateOptions = useCountryOptions(stateCodes);
  return (
    <FilterForm
      label={t('arrangements.list.filters')}
      applyLabel={t('arrangements.list.apply')}
      clearLabel={t('arrangements.list.clear')}
      clearTo={arrangementsPath()}
      filtered={Boolean(filter.hostCountry || filter.state)}
      onApply={(values) => onApply({ hostCountry: values.hostCountry, state: values.state })}
    >
      <FilterSelect
        id="arrangement-filter-host"
        name="hostCountry"
        label={t('arrangements.list.hostCountry')}
        anyLabel={t('arrangements.list.anyHostCountry')}
        value={filter.hostCountry}
        options={hostOptions}
      />
      <FilterSelect
        id="arrangement-filter-state"
        name="state"
        label={t('arrangements.list.state')}
        anyLabel={t('arrangements.list.anyState')}
        value={filter.state}
        options={stateOptions}
      />
    </FilterForm>
  );
}

function ArrangementTable({ filter, items }: { filter: ArrangementFilter; items: readonly Arrangement[] }) {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  const organisationName = useOrganisationName();
  const title = useArrangementTitle();
  const join = useListFormat();

  const described: string[] = [];
  if (filter.hostCountry) {
    described.push(
      t('arrangements.list.captionHostCountry', { country: countryName(filter.hostCountry, language) }),
    );
  }
  if (filter.state) {
    described.push(t('arrangements.list.captionState', { state: organisationName(filter.state) }));
  }
  const caption =
    described.length > 0
      ? t('arrangements.list.captionFiltered', { filters: described.join(' · ') })
      : t('arrangements.list.caption');
  // Newest first.
  const ordered = [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <>
      {ordered.length > 0 && (
        <Table
          caption={caption}
          columns={[
            t('arrangements.list.columns.arrangement'),
            t('arrangements.list.columns.parties'),
            t('arrangements.list.columns.validity'),
            t('arrangements.list.columns.status'),
          ]}
        >
          {ordered.map((arrangement) => (
            <tr key={arrangement.id}>
              <th scope="row">
                <Link to={arrangementPath(arrangement.id)}>{title(arrangement)}</Link>
                <span className="table__secondary">
                  {t('arrangements.list.proposedBy', { state: organisationName(arrangement.proposedBy) })}
                </span>
              </th>
              <td>{join(arrangement.parties.map(organisationName))}</td>
              <td className="table__date">
                {arrangement.validTo
                  ? t('arrangements.validity.range', {
                      from: formatCalendarDate(arrangement.validFrom, language),
                      to: formatCalendarDate(arrangement.validTo, language),
                    })
                  : t('arrangements.validity.from', {
                      from: formatCalendarDate(arrangement.validFrom, language),
                    })}
              </td>
              <td>
                <ArrangementStatus arrangement={arrangement} />
              </td>
            </tr>
          ))}
        </Table>
      )}
      <ListCount
        text={
          ordered.length === 0
            ? t('arrangements.list.empty')
            : t('arrangements.list.showing', { count: ordered.length })
        }
      />
    </>
  );
}

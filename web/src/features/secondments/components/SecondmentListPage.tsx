import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { stateCodes } from '#shared/reference/states.ts';
import { type Secondment, type SecondmentPhase, secondmentPhases } from '#shared/secondments.ts';
import { Page } from '../../../components/layout/Page.tsx';
import { FilterForm, FilterSelect, filterParams } from '../../../components/list/FilterForm.tsx';
import { ListCount, ListPage } from '../../../components/list/ListPage.tsx';
import { isRefusal, NotAllowed } from '../../../components/ui/ErrorState.tsx';
import { Table } from '../../../components/ui/Table.tsx';
import { paths, secondmentPath } from '../../../config/paths.ts';
import { formatCalendarDate } from '../../../lib/dates.ts';
import { countryName, useOrganisationName } from '../../../lib/display-names.ts';
import { useSignedInMe } from '../../../lib/me.ts';
import { useHostCountryOptions } from '../../../lib/reference.ts';
import { type SecondmentListFilter, useSecondmentList } from '../api/secondments.ts';
import { useCountryOptions } from '../utils/text.ts';
import { StatusBadge } from './StatusBadge.tsx';

const COUNTRY_CODE = /^[A-Z]{2}$/;

interface Filters {
  hostCountry?: string | undefined;
  state?: string | undefined;
  phase?: SecondmentPhase | undefined;
}

/** The filters in the address (`?hostCountry=TR&phase=active`), ignoring anything malformed. */
function filtersFrom(params: URLSearchParams): Filters {
  const hostCountry = params.get('hostCountry') ?? '';
  const state = params.get('state') ?? '';
  const phase = params.get('phase') ?? '';
  return {
    hostCountry: COUNTRY_CODE.test(hostCountry) ? hostCountry : undefined,
    state: COUNTRY_CODE.test(state) ? state : undefined,
    phase: (secondmentPhases as readonly string[]).includes(phase) ? (phase as SecondmentPhase) : undefined,
  };
}

/**
 * `/secondments`: every notified secondment, filtered by host country, seconding state and phase; and,
 * for a participating state's people, their state's drafts. The filters live in the address, so a
 * filtered list can be bookmarked, shared and returned to with the back button.
 */
export function SecondmentListPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [params, setParams] = useSearchParams();
  const seesDrafts = me.capabilities.includes('secondments.drafts');
  const view = params.get('view') === 'drafts' && seesDrafts ? 'drafts' : 'notified';
  const filters = filtersFrom(params);
  const ownState = me.organisation;

  const listFilter: SecondmentListFilter =
    view === 'drafts' ? { state: ownState, status: 'draft' } : (filters as SecondmentListFilter);
  const list = useSecondmentList(listFilter);

  // An organisation that does not receive notifications (Parliament, EBCG): say so, with nothing to filter or retry.
  if (isRefusal(list.error)) {
    return (
      <Page title={t('secondments.list.title')}>
        <p>{t('secondments.list.intro')}</p>
        <NotAllowed error={list.error} />
      </Page>
    );
  }

  return (
    <ListPage
      title={t('secondments.list.title')}
      intro={t('secondments.list.intro')}
      action={
        me.capabilities.includes('secondments.write') && (
          <Link className="button" to={paths.newSecondment}>
            {t('secondments.list.new')}
          </Link>
        )
      }
      controls={
        <>
          {seesDrafts && <SecondmentViews view={view} ownState={ownState} />}
          {view === 'notified' && (
            // Keyed by the address: going back to other filters shows them in the controls too.
            <SecondmentFilters
              key={params.toString()}
              filters={filters}
              onApply={(next) => setParams(filterParams(next))}
            />
          )}
        </>
      }
      list={list}
      loading={t('secondments.list.loading')}
      loadFailed={t('secondments.list.loadFailed')}
    >
      {(data) => (
        <SecondmentTable
          view={view}
          filters={filters}
          ownState={ownState}
          items={data.pages.flatMap((page) => page.items)}
          hasMore={list.hasNextPage}
          loadingMore={list.isFetchingNextPage}
          loadMore={() => list.fetchNextPage()}
        />
      )}
    </ListPage>
  );
}

/** The two views of a participating state's people: the notified secondments, and their state's drafts. */
function SecondmentViews({ view, ownState }: { view: 'notified' | 'drafts'; ownState: string }) {
  const { t } = useTranslation();
  const organisationName = useOrganisationName();
  return (
    <nav className="views" aria-label={t('secondments.list.views')}>
      <ul className="views__list">
        <li>
          <Link
            className="views__link"
            to={paths.secondments}
            aria-current={view === 'notified' ? 'page' : undefined}
          >
            {t('secondments.list.viewNotified')}
          </Link>
        </li>
        <li>
          <Link
            className="views__link"
            to={`${paths.secondments}?view=drafts`}
            aria-current={view === 'drafts' ? 'page' : undefined}
          >
            {t('secondments.list.viewDrafts', { state: organisationName(ownState) })}
          </Link>
        </li>
      </ul>
    </nav>
  );
}

function SecondmentFilters({ filters, onApply }: { filters: Filters; onApply: (filters: Filters) => void }) {
  const { t } = useTranslation();
  const organisationName = useOrganisationName();
  const hostCountryOptions = useHostCountryOptions();
  const stateOptions = useCountryOptions(stateCodes);

  return (
    <FilterForm
      label={t('secondments.list.filters')}
      applyLabel={t('secondments.list.apply')}
      clearLabel={t('secondments.list.clear')}
      clearTo={paths.secondments}
      filtered={Boolean(filters.hostCountry || filters.state || filters.phase)}
      onApply={(values) =>
        onApply({
          hostCountry: values.hostCountry,
          state: values.state,
          phase: values.phase as SecondmentPhase | undefined,
        })
      }
    >
      <FilterSelect
        id="filter-host-country"
        name="hostCountry"
        label={t('secondments.list.hostCountry')}
        anyLabel={t('secondments.list.anyHostCountry')}
        value={filters.hostCountry}
        options={hostCountryOptions}
      />
      <FilterSelect
        id="filter-state"
        name="state"
        label={t('secondments.list.state')}
        anyLabel={t('secondments.list.anyState')}
        value={filters.state}
        options={stateOptions.map(({ value }) => ({ value, label: organisationName(value) }))}
      />
      <FilterSelect
        id="filter-phase"
        name="phase"
        label={t('secondments.list.phase')}
        anyLabel={t('secondments.list.anyPhase')}
        value={filters.phase}
        options={secondmentPhases.map((phase) => ({ value: phase, label: t(`secondments.phase.${phase}`) }))}
      />
    </FilterForm>
  );
}

interface SecondmentTableProps {
  view: 'notified' | 'drafts';
  filters: Filters;
  ownState: string;
  items: readonly Secondment[];
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => Promise<unknown>;
}

function SecondmentTable({
  view,
  filters,
  ownState,
  items,
  hasMore,
  loadingMore,
  loadMore,
}: SecondmentTableProps) {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  const organisationName = useOrganisationName();
  const rows = useRef<HTMLTableSectionElement>(null);

  const described: string[] = [];
  if (filters.hostCountry) {
    described.push(
      t('secondments.list.captionHostCountry', { country: countryName(filters.hostCountry, language) }),
    );
  }
  if (filters.state) {
    described.push(t('secondments.list.captionState', { state: organisationName(filters.state) }));
  }
  if (filters.phase) {
    described.push(t('secondments.list.captionPhase', { phase: t(`secondments.phase.${filters.phase}`) }));
  }
  let caption = t('secondments.list.captionNotified');
  if (view === 'drafts') caption = t('secondments.list.captionDrafts', { state: organisationName(ownState) });
  else if (described.length > 0)
    caption = t('secondments.list.captionFiltered', { filters: described.join(' · ') });

  let countText = t('secondments.list.showing', { count: items.length });
  if (items.length === 0 && hasMore) countText = t('secondments.list.noneYet');
  else if (items.length === 0)
    countText = view === 'drafts' ? t('secondments.list.emptyDrafts') : t('secondments.list.empty');
  else if (hasMore) countText = `${countText} ${t('secondments.list.moreAvailable')}`;

  return (
    <>
      {items.length > 0 && (
        <Table
          caption={caption}
          columns={[
            t('secondments.list.columns.post'),
            t('secondments.list.columns.hostCountry'),
            t('secondments.list.columns.state'),
            t('secondments.list.columns.start'),
            t('secondments.list.columns.end'),
            t('secondments.list.columns.status'),
          ]}
          bodyRef={rows}
        >
          {items.map((secondment) => (
            <tr key={secondment.id}>
              <th scope="row">
                <Link to={secondmentPath(secondment.id)}>{secondment.post.city}</Link>
                <span className="table__secondary">
                  {t(`secondments.missions.${secondment.post.mission}`)}
                </span>
              </th>
              <td>{countryName(secondment.hostCountry, language)}</td>
              <td>{organisationName(secondment.state)}</td>
              <td className="table__date">
                <time dateTime={secondment.startDate}>
                  {formatCalendarDate(secondment.startDate, language)}
                </time>
              </td>
              <td className="table__date">
                {secondment.endDate ? (
                  <time dateTime={secondment.endDate}>
                    {formatCalendarDate(secondment.endDate, language)}
                  </time>
                ) : (
                  t('secondments.detail.notSet')
                )}
              </td>
              <td>
                <StatusBadge status={secondment.status} phase={secondment.phase} />
              </td>
            </tr>
          ))}
        </Table>
      )}
      <ListCount
        text={countText}
        rows={rows}
        shown={items.length}
        more={
          hasMore
            ? {
                loading: loadingMore,
                load: loadMore,
                label: t('secondments.list.loadMore'),
                loadingLabel: t('secondments.list.loadingMore'),
              }
            : undefined
        }
      />
    </>
  );
}

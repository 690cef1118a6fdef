import { type FormEvent, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { stateCodes } from '#shared/reference/states.ts';
import { type Secondment, type SecondmentPhase, secondmentPhases } from '#shared/secondments.ts';
import { FormField } from '../../../components/form/FormField.tsx';
import { Page } from '../../../components/layout/Page.tsx';
import { ErrorState } from '../../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { paths, secondmentPath } from '../../../config/paths.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { formatCalendarDate } from '../../../lib/dates.ts';
import { countryName, useOrganisationName } from '../../../lib/display-names.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
import { useMe } from '../../../lib/me.ts';
import { useReference } from '../../../lib/reference.ts';
import { type SecondmentListFilter, useSecondmentList } from '../api/secondments.ts';
import { hasStateDrafts, writesSecondments } from '../utils/permissions.ts';
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
  const describeError = useErrorMessage();
  const organisationName = useOrganisationName();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const seesDrafts = me.data ? hasStateDrafts(me.data) : false;
  const view = params.get('view') === 'drafts' && seesDrafts ? 'drafts' : 'notified';
  const filters = filtersFrom(params);
  const ownState = me.data?.organisation;

  const listFilter: SecondmentListFilter =
    view === 'drafts' ? { state: ownState, status: 'draft' } : (filters as SecondmentListFilter);
  // The drafts view needs to know the state; the notified view can load at once.
  const waitsForMe = params.get('view') === 'drafts' && !me.data;
  const list = useSecondmentList(listFilter, !waitsForMe);

  // An organisation that does not receive notifications (Parliament, EBCG): say so, with nothing to filter or retry.
  if (list.error instanceof ApiError && list.error.status === 403) {
    return (
      <Page title={t('secondments.list.title')}>
        <p>{t('secondments.list.intro')}</p>
        <div className="notice" role="status">
          <p>{describeError(list.error)}</p>
        </div>
      </Page>
    );
  }

  const applyFilters = (next: Filters) => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(next)) if (value) query.set(name, value);
    setParams(query);
  };

  return (
    <Page title={t('secondments.list.title')}>
      <div className="page-intro">
        <p>{t('secondments.list.intro')}</p>
        {me.data && writesSecondments(me.data) && (
          <Link className="button" to={paths.newSecondment}>
            {t('secondments.list.new')}
          </Link>
        )}
      </div>

      {seesDrafts && ownState && (
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
      )}

      {view === 'notified' && (
        // Keyed by the address: going back to other filters shows them in the controls too.
        <SecondmentFilters key={params.toString()} filters={filters} onApply={applyFilters} />
      )}

      {list.error ? (
        <ErrorState
          title={t('secondments.list.loadFailed')}
          message={describeError(list.error)}
          onRetry={() => void list.refetch()}
        />
      ) : list.data ? (
        <SecondmentTable
          view={view}
          filters={filters}
          ownState={ownState}
          items={list.data.pages.flatMap((page) => page.items)}
          hasMore={list.hasNextPage}
          loadingMore={list.isFetchingNextPage}
          loadMore={() => list.fetchNextPage()}
        />
      ) : (
        <LoadingState label={t('secondments.list.loading')} />
      )}
    </Page>
  );
}

function SecondmentFilters({ filters, onApply }: { filters: Filters; onApply: (filters: Filters) => void }) {
  const { t } = useTranslation();
  const reference = useReference();
  const organisationName = useOrganisationName();
  const hostCountries = useMemo(
    () => reference.data?.hostCountries.map((country) => country.code) ?? [],
    [reference.data],
  );
  const hostCountryOptions = useCountryOptions(hostCountries);
  const stateOptions = useCountryOptions(stateCodes);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => {
      const entry = form.get(name);
      return typeof entry === 'string' && entry !== '' ? entry : undefined;
    };
    onApply({
      hostCountry: value('hostCountry'),
      state: value('state'),
      phase: value('phase') as SecondmentPhase | undefined,
    });
  };

  return (
    <search className="filters" aria-label={t('secondments.list.filters')}>
      <form className="filters__form" onSubmit={submit}>
        <FormField id="filter-host-country" label={t('secondments.list.hostCountry')}>
          {(control) => (
            <select
              className="field__control"
              name="hostCountry"
              defaultValue={filters.hostCountry ?? ''}
              {...control}
            >
              <option value="">{t('secondments.list.anyHostCountry')}</option>
              {hostCountryOptions.map(({ value, label }) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="filter-state" label={t('secondments.list.state')}>
          {(control) => (
            <select className="field__control" name="state" defaultValue={filters.state ?? ''} {...control}>
              <option value="">{t('secondments.list.anyState')}</option>
              {stateOptions.map(({ value }) => (
                <option key={value} value={value}>
                  {organisationName(value)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="filter-phase" label={t('secondments.list.phase')}>
          {(control) => (
            <select className="field__control" name="phase" defaultValue={filters.phase ?? ''} {...control}>
              <option value="">{t('secondments.list.anyPhase')}</option>
              {secondmentPhases.map((phase) => (
                <option key={phase} value={phase}>
                  {t(`secondments.phase.${phase}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div className="filters__actions">
          <button className="button" type="submit">
            {t('secondments.list.apply')}
          </button>
          {(filters.hostCountry || filters.state || filters.phase) && (
            <Link className="button button--secondary" to={paths.secondments}>
              {t('secondments.list.clear')}
            </Link>
          )}
        </div>
      </form>
    </search>
  );
}

interface SecondmentTableProps {
  view: 'notified' | 'drafts';
  filters: Filters;
  ownState: string | undefined;
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
  const count = useRef<HTMLParagraphElement>(null);
  // After "Load more", focus moves to the first row just loaded, so keyboard users carry on from there.
  const focusRow = useRef<number | null>(null);

  useEffect(() => {
    const index = focusRow.current;
    if (index === null || items.length <= index) return;
    focusRow.current = null;
    rows.current?.rows[index]?.querySelector<HTMLElement>('a')?.focus();
  }, [items.length]);

  const onLoadMore = async () => {
    const before = items.length;
    focusRow.current = before;
    await loadMore();
    // Nothing new in that batch (filters apply after reading): focus the count, not a vanished button.
    window.setTimeout(() => {
      if (focusRow.current === before) {
        focusRow.current = null;
        count.current?.focus();
      }
    }, 0);
  };

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
  if (view === 'drafts')
    caption = t('secondments.list.captionDrafts', { state: organisationName(ownState ?? '') });
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
        <div className="table-scroll">
          <table className="table">
            <caption className="table__caption">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('secondments.list.columns.post')}</th>
                <th scope="col">{t('secondments.list.columns.hostCountry')}</th>
                <th scope="col">{t('secondments.list.columns.state')}</th>
                <th scope="col">{t('secondments.list.columns.start')}</th>
                <th scope="col">{t('secondments.list.columns.end')}</th>
                <th scope="col">{t('secondments.list.columns.status')}</th>
              </tr>
            </thead>
            <tbody ref={rows}>
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
            </tbody>
          </table>
        </div>
      )}
      <p className="list-count" ref={count} tabIndex={-1} role="status">
        {countText}
      </p>
      {hasMore && (
        <button
          className="button button--secondary"
          type="button"
          disabled={loadingMore}
          onClick={() => void onLoadMore()}
        >
          {loadingMore ? t('secondments.list.loadingMore') : t('secondments.list.loadMore')}
        </button>
      )}
    </>
  );
}

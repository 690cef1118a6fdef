import { type FormEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { stateCodes } from '#shared/reference/states.ts';
import { FormField } from '../../../components/form/FormField.tsx';
import { Page } from '../../../components/layout/Page.tsx';
import { ErrorState } from '../../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { arrangementPath, arrangementsPath, paths } from '../../../config/paths.ts';
import { formatCalendarDate } from '../../../lib/dates.ts';
import { countryName, useOrganisationName } from '../../../lib/display-names.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
import { useMe } from '../../../lib/me.ts';
import { useCountryOptions, useListFormat } from '../../../lib/name-lists.ts';
import { useReference } from '../../../lib/reference.ts';
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
  const describeError = useErrorMessage();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params);
  const list = useArrangementList(filter);

  return (
    <Page title={t('arrangements.list.title')}>
      <div className="page-intro">
        <p>{t('arrangements.list.intro')}</p>
        {me.data?.capabilities.includes('arrangements.propose') && (
          <Link className="button" to={paths.newArrangement}>
            {t('arrangements.list.propose')}
          </Link>
        )}
      </div>
      <ArrangementFilters
        key={params.toString()}
        filter={filter}
        onApply={(next) => {
          const query = new URLSearchParams();
          if (next.hostCountry) query.set('hostCountry', next.hostCountry);
          if (next.state) query.set('state', next.state);
          setParams(query);
        }}
      />
      {list.error ? (
        <ErrorState
          title={t('arrangements.list.loadFailed')}
          message={describeError(list.error)}
          onRetry={() => void list.refetch()}
        />
      ) : list.data ? (
        <ArrangementTable filter={filter} items={list.data.items} />
      ) : (
        <LoadingState label={t('arrangements.list.loading')} />
      )}
      <p>
        <Link to={paths.networks}>{t('arrangements.list.toNetworks')}</Link>
      </p>
    </Page>
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
  const reference = useReference();
  const hostCodes = useMemo(
    () => reference.data?.hostCountries.map((country) => country.code) ?? [],
    [reference.data],
  );
  const hostOptions = useCountryOptions(hostCodes);
  const stateOptions = useCountryOptions(stateCodes);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => {
      const entry = form.get(name);
      return typeof entry === 'string' && entry !== '' ? entry : undefined;
    };
    onApply({ hostCountry: value('hostCountry'), state: value('state') });
  };

  return (
    <search className="filters" aria-label={t('arrangements.list.filters')}>
      <form className="filters__form" onSubmit={submit}>
        <FormField id="arrangement-filter-host" label={t('arrangements.list.hostCountry')}>
          {(control) => (
            <select
              className="field__control"
              name="hostCountry"
              defaultValue={filter.hostCountry ?? ''}
              {...control}
            >
              <option value="">{t('arrangements.list.anyHostCountry')}</option>
              {hostOptions.map(({ value, label }) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="arrangement-filter-state" label={t('arrangements.list.state')}>
          {(control) => (
            <select className="field__control" name="state" defaultValue={filter.state ?? ''} {...control}>
              <option value="">{t('arrangements.list.anyState')}</option>
              {stateOptions.map(({ value, label }) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div className="filters__actions">
          <button className="button" type="submit">
            {t('arrangements.list.apply')}
          </button>
          {(filter.hostCountry || filter.state) && (
            <Link className="button button--secondary" to={arrangementsPath()}>
              {t('arrangements.list.clear')}
            </Link>
          )}
        </div>
      </form>
    </search>
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
        <div className="table-scroll">
          <table className="table">
            <caption className="table__caption">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('arrangements.list.columns.arrangement')}</th>
                <th scope="col">{t('arrangements.list.columns.parties')}</th>
                <th scope="col">{t('arrangements.list.columns.validity')}</th>
                <th scope="col">{t('arrangements.list.columns.status')}</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      )}
      <p className="list-count" role="status">
        {ordered.length === 0
          ? t('arrangements.list.empty')
          : t('arrangements.list.showing', { count: ordered.length })}
      </p>
    </>
  );
}

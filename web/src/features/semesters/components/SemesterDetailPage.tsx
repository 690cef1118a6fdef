import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isSemesterId, semester } from '#shared/semesters.ts';
import { Page } from '../../../components/layout/Page.tsx';
import { LoadError } from '../../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { Section } from '../../../components/ui/Section.tsx';
import { contributionPath, paths, semesterReportsPath } from '../../../config/paths.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { formatCalendarDate, formatInstant } from '../../../lib/dates.ts';
import { countryName, useOrganisationName } from '../../../lib/display-names.ts';
import { useSignedInMe } from '../../../lib/me.ts';
import { useSemester } from '../api/semesters.ts';
import { phaseOf } from '../utils/phase.ts';
import { CloseSemester } from './CloseSemester.tsx';
import { SemesterStatus } from './SemesterStatus.tsx';

/** `/semesters/:id`: the semester, and per network which contributions are expected, submitted, drafted, late. */
export function SemesterDetailPage() {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  const organisationName = useOrganisationName();
  const { id = '' } = useParams();
  const detail = useSemester(id);
  const me = useSignedInMe();
  const [closed, setClosed] = useState(false);
  const outcome = useRef<HTMLDivElement>(null);
  const title = t('semesters.detail.title', { id });
  const back = (
    <p className="breadcrumb">
      <Link to={paths.semesters}>{t('semesters.detail.toList')}</Link>
    </p>
  );

  if (detail.error) {
    const notFound =
      detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400);
    return (
      <Page title={title}>
        {notFound ? (
          <p>{t('semesters.detail.notFound')}</p>
        ) : (
          <LoadError
            title={t('errors.loadFailed')}
            error={detail.error}
            onRetry={() => void detail.refetch()}
          />
        )}
        {back}
      </Page>
    );
  }
  if (!detail.data || !isSemesterId(id)) {
    return (
      <Page title={title}>
        <LoadingState label={t('semesters.detail.loading')} />
      </Page>
    );
  }

  const data = detail.data;
  const phase = phaseOf(data);
  const { start } = semester(data.id);
  let timeLeft = t('semesters.daysLeft', { count: data.daysLeft });
  if (phase === 'upcoming') timeLeft = t('semesters.startsOn', { date: formatCalendarDate(start, language) });
  else if (phase === 'ended')
    timeLeft = t('semesters.endedOn', { date: formatCalendarDate(data.end, language) });
  else if (phase === 'closed' && data.closedAt)
    timeLeft = t('semesters.closedOn', { date: formatInstant(data.closedAt, language) });
  const mayClose = data.status === 'open' && me.capabilities.includes('semesters.close');

  return (
    <Page title={title}>
      {back}
      <div ref={outcome} tabIndex={-1} className="outcome">
        {closed && data.status === 'closed' && (
          <div className="notice notice--success" role="status">
            <p>{t('closeSemester.done', { id: data.id })}</p>
          </div>
        )}
      </div>
      <dl className="facts facts--wide">
        <div className="facts__row">
          <dt>{t('semesters.columns.period')}</dt>
          <dd>
            {t('semesters.dateRange', {
              start: formatCalendarDate(data.start, language),
              end: formatCalendarDate(data.end, language),
            })}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('semesters.columns.presidency')}</dt>
          <dd>{organisationName(data.presidency)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('semesters.columns.status')}</dt>
          <dd>
            <SemesterStatus phase={phase} />
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('semesters.columns.timeLeft')}</dt>
          <dd>{timeLeft}</dd>
        </div>
      </dl>
      <p>
        <Link to={semesterReportsPath(data.id)}>{t('semesters.detail.reportsLink', { id: data.id })}</Link>
      </p>

      {mayClose && (
        <CloseSemester
          detail={data}
          onClosed={() => {
            setClosed(true);
            window.setTimeout(() => outcome.current?.focus(), 0);
          }}
        />
      )}

      <Completeness
        detail={data}
        viewer={me.organisation}
        readsAll={me.capabilities.includes('contributions.read_all')}
        language={language}
      />
    </Page>
  );
}

interface NetworkRow {
  networkId: string;
  expected: string[];
  submitted: string[];
  drafts: string[];
  late: string[];
}

function Completeness({
  detail,
  viewer,
  readsAll,
  language,
}: {
  detail: { id: string; status: 'open' | 'closed'; networks: NetworkRow[] };
  viewer: string;
  /** The Commission reads every contribution; a state its own. The server decides; these are only links. */
  readsAll: boolean;
  language: string;
}) {
  const { t } = useTranslation();
  const organisationName = useOrganisationName();
  const expected = detail.networks.reduce((sum, network) => sum + network.expected.length, 0);
  const submitted = detail.networks.reduce((sum, network) => sum + network.submitted.length, 0);

  const states = (networkId: string, codes: readonly string[]) => {
    if (codes.length === 0)
      return <span className="completeness__none">{t('semesters.detail.noState')}</span>;
    return (
      <>
        <span className="completeness__count">{codes.length}</span>
        <ul className="completeness__states">
          {codes.map((code) => (
            <li key={code}>
              {readsAll || code === viewer ? (
                <Link to={contributionPath(detail.id, networkId, code)}>{organisationName(code)}</Link>
              ) : (
                organisationName(code)
              )}
            </li>
          ))}
        </ul>
      </>
    );
  };

  return (
    <Section id="completeness-title" title={t('semesters.detail.completenessTitle')}>
      {detail.networks.length === 0 ? (
        <p>{t('semesters.detail.noNetworks')}</p>
      ) : (
        <>
          <p>
            {t('semesters.detail.summary', { submitted, count: expected, networks: detail.networks.length })}
          </p>
          <div className="table-scroll">
            <table className="table completeness">
              <caption className="table__caption">{t('semesters.detail.caption', { id: detail.id })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('semesters.detail.columns.network')}</th>
                  <th scope="col">{t('semesters.detail.columns.expected')}</th>
                  <th scope="col">{t('semesters.detail.columns.submitted')}</th>
                  <th scope="col">{t('semesters.detail.columns.drafts')}</th>
                  <th scope="col">{t('semesters.detail.columns.notStarted')}</th>
                  <th scope="col">{t('semesters.detail.columns.late')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.networks.map((network) => {
                  const notStarted = network.expected.filter(
                    (code) => !network.submitted.includes(code) && !network.drafts.includes(code),
                  );
                  const name = /^[A-Z]{2}$/.test(network.networkId)
                    ? countryName(network.networkId, language)
                    : network.networkId;
                  return (
                    <tr key={network.networkId}>
                      <th scope="row">
                        {name}
                        {viewer && network.expected.includes(viewer) && (
                          <span className="table__secondary">
                            <Link to={contributionPath(detail.id, network.networkId, viewer)}>
                              {t('semesters.detail.yourContribution', { network: name })}
                            </Link>
                          </span>
                        )}
                      </th>
                      <td>{states(network.networkId, network.expected)}</td>
                      <td>{states(network.networkId, network.submitted)}</td>
                      <td>{states(network.networkId, network.drafts)}</td>
                      <td>{states(network.networkId, notStarted)}</td>
                      <td>{states(network.networkId, network.late)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="list-count">{t('semesters.detail.lateNote')}</p>
        </>
      )}
    </Section>
  );
}

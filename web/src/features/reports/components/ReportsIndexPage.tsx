import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { brusselsDate } from '#shared/semesters.ts';
import { Page } from '../../../components/layout/Page.tsx';
import { ErrorState } from '../../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { annualSummaryPath, semesterReportsPath } from '../../../config/paths.ts';
import { formatCalendarDate, formatInstant } from '../../../lib/dates.ts';
import { useOrganisationName } from '../../../lib/display-names.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
import { useMe } from '../../../lib/me.ts';
import { type SemesterSummary, useSemesters } from '../../../lib/semesters.ts';
import { readsAnnualSummary } from '../utils/readers.ts';

/**
 * `/reports`: the semesters that have reports (closed ones, most recent first), then the ones still
 * open, whose reports come with the close; and, for the readers of the annual summary, each year's.
 */
export function ReportsIndexPage() {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const semesters = useSemesters();
  const me = useMe();
  const title = t('reports.index.title');

  if (semesters.error) {
    return (
      <Page title={title}>
        <ErrorState
          title={t('reports.index.loadFailed')}
          message={describeError(semesters.error)}
          onRetry={() => void semesters.refetch()}
        />
      </Page>
    );
  }
  if (!semesters.data) {
    return (
      <Page title={title}>
        <LoadingState label={t('reports.index.loading')} />
      </Page>
    );
  }

  const today = brusselsDate(new Date());
  const newestFirst = (a: SemesterSummary, b: SemesterSummary) => b.id.localeCompare(a.id);
  const closed = semesters.data.items.filter((item) => item.status === 'closed').sort(newestFirst);
  // Open and begun: running now, or ended and waiting for the close. Semesters still to come have nothing.
  const open = semesters.data.items
    .filter((item) => item.status === 'open' && item.start <= today)
    .sort(newestFirst);
  const showAnnual = readsAnnualSummary(me.data?.organisation);
  const years = [
    ...new Set(closed.filter((item) => item.id.endsWith('-H2')).map((item) => item.id.slice(0, 4))),
  ];

  return (
    <Page title={title}>
      <p>{t('reports.index.intro')}</p>
      <section aria-labelledby="reports-closed">
        <h2 className="section-title" id="reports-closed">
          {t('reports.index.closedHeading')}
        </h2>
        {closed.length === 0 ? (
          <p>{t('reports.index.noneClosed')}</p>
        ) : (
          <SemesterTable caption={t('reports.index.closedCaption')} rows={closed} />
        )}
      </section>
      {open.length > 0 && (
        <section aria-labelledby="reports-open">
          <h2 className="section-title" id="reports-open">
            {t('reports.index.openHeading')}
          </h2>
          <p>{t('reports.index.openIntro')}</p>
          <SemesterTable caption={t('reports.index.openCaption')} rows={open} />
        </section>
      )}
      {showAnnual && (
        <section aria-labelledby="reports-annual">
          <h2 className="section-title" id="reports-annual">
            {t('reports.index.annualHeading')}
          </h2>
          {years.length === 0 ? (
            <p>{t('reports.index.noAnnual')}</p>
          ) : (
            <>
              <p>{t('reports.index.annualIntro')}</p>
              <ul className="inline-list">
                {years.map((year) => (
                  <li key={year}>
                    <Link to={annualSummaryPath(year)}>{t('reports.index.annualLink', { year })}</Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </Page>
  );
}

function SemesterTable({ caption, rows }: { caption: string; rows: readonly SemesterSummary[] }) {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  const organisationName = useOrganisationName();
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.columns.semester')}</th>
            <th scope="col">{t('reports.semester.period')}</th>
            <th scope="col">{t('reports.semester.presidency')}</th>
            <th scope="col">{t('reports.semester.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <Link className="reports-nowrap" to={semesterReportsPath(row.id)}>
                  {t('reports.index.semesterLink', { id: row.id })}
                </Link>
              </th>
              <td>
                {t('reports.semester.dateRange', {
                  start: formatCalendarDate(row.start, language),
                  end: formatCalendarDate(row.end, language),
                })}
              </td>
              <td>{organisationName(row.presidency)}</td>
              <td>
                {row.status === 'closed' && row.closedAt
                  ? t('reports.semester.closedOn', { date: formatInstant(row.closedAt, language) })
                  : row.end < brusselsDate(new Date())
                    ? t('reports.index.endedNotClosed')
                    : t('reports.index.running', { count: row.daysLeft })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

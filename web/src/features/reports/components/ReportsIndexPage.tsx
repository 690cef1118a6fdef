import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { brusselsDate } from '#shared/semesters.ts';
import { ListPage } from '../../../components/list/ListPage.tsx';
import { Section } from '../../../components/ui/Section.tsx';
import { Table } from '../../../components/ui/Table.tsx';
import { annualSummaryPath, semesterReportsPath } from '../../../config/paths.ts';
import { formatCalendarDate, formatInstant } from '../../../lib/dates.ts';
import { useOrganisationName } from '../../../lib/display-names.ts';
import { useSignedInMe } from '../../../lib/me.ts';
import { type SemesterSummary, useSemesters } from '../../../lib/semesters.ts';

/**
 * `/reports`: the semesters that have reports (closed ones, most recent first), then the ones still
 * open, whose reports come with the close; and, for the readers of the annual summary, each year's.
 */
export function ReportsIndexPage() {
  const { t } = useTranslation();
  const semesters = useSemesters();
  return (
    <ListPage
      title={t('reports.index.title')}
      intro={t('reports.index.intro')}
      list={semesters}
      loading={t('reports.index.loading')}
      loadFailed={t('reports.index.loadFailed')}
    >
      {(data) => <ReportSemesters items={data.items} />}
    </ListPage>
  );
}

function ReportSemesters({ items }: { items: readonly SemesterSummary[] }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const today = brusselsDate(new Date());
  const newestFirst = (a: SemesterSummary, b: SemesterSummary) => b.id.localeCompare(a.id);
  const closed = items.filter((item) => item.status === 'closed').sort(newestFirst);
  // Open and begun: running now, or ended and waiting for the close. Semesters still to come have nothing.
  const open = items.filter((item) => item.status === 'open' && item.start <= today).sort(newestFirst);
  const years = [
    ...new Set(closed.filter((item) => item.id.endsWith('-H2')).map((item) => item.id.slice(0, 4))),
  ];

  return (
    <>
      <Section id="reports-closed" title={t('reports.index.closedHeading')}>
        {closed.length === 0 ? (
          <p>{t('reports.index.noneClosed')}</p>
        ) : (
          <SemesterTable caption={t('reports.index.closedCaption')} rows={closed} />
        )}
      </Section>
      {open.length > 0 && (
        <Section id="reports-open" title={t('reports.index.openHeading')}>
          <p>{t('reports.index.openIntro')}</p>
          <SemesterTable caption={t('reports.index.openCaption')} rows={open} />
        </Section>
      )}
      {me.capabilities.includes('reports.read_annual') && <AnnualSummaries years={years} />}
    </>
  );
}

function AnnualSummaries({ years }: { years: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <Section id="reports-annual" title={t('reports.index.annualHeading')}>
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
    </Section>
  );
}

function SemesterTable({ caption, rows }: { caption: string; rows: readonly SemesterSummary[] }) {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  const organisationName = useOrganisationName();
  return (
    <Table
      caption={caption}
      columns={[
        t('reports.columns.semester'),
        t('reports.semester.period'),
        t('reports.semester.presidency'),
        t('reports.semester.status'),
      ]}
    >
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
    </Table>
  );
}

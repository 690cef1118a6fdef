import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { semester } from '#shared/semesters.ts';
import { ListPage } from '../../../components/list/ListPage.tsx';
import { PresidencyGapsWarning } from '../../../components/semester/PresidencyGapsWarning.tsx';
import { Table } from '../../../components/ui/Table.tsx';
import { semesterPath } from '../../../config/paths.ts';
import { formatCalendarDate, formatInstant } from '../../../lib/dates.ts';
import { useOrganisationName } from '../../../lib/display-names.ts';
import { useSemesters } from '../../../lib/semesters.ts';
import { phaseOf, type SemesterPhase } from '../utils/phase.ts';
import { PresidencyCalendarForm } from './PresidencyCalendarForm.tsx';
import { SemesterStatus } from './SemesterStatus.tsx';

interface Row {
  id: string;
  start: string;
  end: string;
  presidency: string;
  status: 'open' | 'closed';
  closedAt?: string | undefined;
  daysLeft: number;
  phase: SemesterPhase;
}

/** `/semesters`: each semester with its Presidency, its dates, where it stands and the time left. */
export function SemesterListPage() {
  const { t } = useTranslation();
  const semesters = useSemesters();
  return (
    <ListPage
      title={t('semesters.list.title')}
      intro={t('semesters.list.intro')}
      list={semesters}
      loading={t('semesters.list.loading')}
      loadFailed={t('semesters.list.loadFailed')}
    >
      {(data) => <SemesterTables items={data.items} />}
    </ListPage>
  );
}

/** The semesters begun (the running one first), then those to come. */
function SemesterTables({ items }: { items: readonly Omit<Row, 'phase'>[] }) {
  const { t } = useTranslation();
  const now = new Date();
  const rows: Row[] = items.map((item) => ({ ...item, phase: phaseOf(item, now) }));
  const current = rows.filter((row) => row.phase !== 'upcoming').sort((a, b) => b.id.localeCompare(a.id));
  const coming = rows.filter((row) => row.phase === 'upcoming').sort((a, b) => a.id.localeCompare(b.id));
  return (
    <>
      <PresidencyGapsWarning />
      {current.length > 0 && <SemesterTable caption={t('semesters.list.captionCurrent')} rows={current} />}
      {coming.length > 0 && (
        <>
          <h2 className="section-title">{t('semesters.list.comingTitle')}</h2>
          <p>{t('semesters.list.comingIntro')}</p>
          <SemesterTable caption={t('semesters.list.captionComing')} rows={coming} />
        </>
      )}
      <PresidencyCalendarForm />
    </>
  );
}

function SemesterTable({ caption, rows }: { caption: string; rows: readonly Row[] }) {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  const organisationName = useOrganisationName();
  const timeLeft = (row: Row): string => {
    switch (row.phase) {
      case 'running':
        return t('semesters.daysLeft', { count: row.daysLeft });
      case 'upcoming':
        return t('semesters.startsOn', { date: formatCalendarDate(semester(row.id).start, language) });
      case 'ended':
        return t('semesters.endedOn', { date: formatCalendarDate(row.end, language) });
      case 'closed':
        return row.closedAt
          ? t('semesters.closedOn', { date: formatInstant(row.closedAt, language) })
          : t('semesters.phases.closed');
    }
  };
  return (
    <Table
      caption={caption}
      columns={[
        t('semesters.columns.semester'),
        t('semesters.columns.period'),
        t('semesters.columns.presidency'),
        t('semesters.columns.status'),
        t('semesters.columns.timeLeft'),
      ]}
    >
      {rows.map((row) => (
        <tr key={row.id} className={row.phase === 'running' ? 'table__row--current' : undefined}>
          <th scope="row">
            <Link to={semesterPath(row.id)}>{row.id}</Link>
            {row.phase === 'running' && <span className="table__secondary">{t('semesters.current')}</span>}
          </th>
          <td>
            {t('semesters.dateRange', {
              start: formatCalendarDate(row.start, language),
              end: formatCalendarDate(row.end, language),
            })}
          </td>
          <td>{organisationName(row.presidency)}</td>
          <td>
            <SemesterStatus phase={row.phase} />
          </td>
          <td>{timeLeft(row)}</td>
        </tr>
      ))}
    </Table>
  );
}

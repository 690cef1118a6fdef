import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { semester } from '#shared/semesters.ts';
import { Page } from '../../../components/layout/Page.tsx';
import { PresidencyGapsWarning } from '../../../components/semester/PresidencyGapsWarning.tsx';
import { ErrorState } from '../../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { semesterPath } from '../../../config/paths.ts';
import { formatCalendarDate, formatInstant } from '../../../lib/dates.ts';
import { useOrganisationName } from '../../../lib/display-names.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
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
  const describeError = useErrorMessage();
  const semesters = useSemesters();
  const title = t('semesters.list.title');

  if (semesters.error) {
    return (
      <Page title={title}>
        <ErrorState
          title={t('semesters.list.loadFailed')}
          message={describeError(semesters.error)}
          onRetry={() => void semesters.refetch()}
        />
      </Page>
    );
  }
  if (!semesters.data) {
    return (
      <Page title={title}>
        <LoadingState label={t('semesters.list.loading')} />
      </Page>
    );
  }
  const now = new Date();
  const rows: Row[] = semesters.data.items.map((item) => ({ ...item, phase: phaseOf(item, now) }));
  const current = rows.filter((row) => row.phase !== 'upcoming').sort((a, b) => b.id.localeCompare(a.id));
  const coming = rows.filter((row) => row.phase === 'upcoming').sort((a, b) => a.id.localeCompare(b.id));

  return (
    <Page title={title}>
      <PresidencyGapsWarning />
      <p>{t('semesters.list.intro')}</p>
      {current.length > 0 && <SemesterTable caption={t('semesters.list.captionCurrent')} rows={current} />}
      {coming.length > 0 && (
        <>
          <h2 className="section-title">{t('semesters.list.comingTitle')}</h2>
          <p>{t('semesters.list.comingIntro')}</p>
          <SemesterTable caption={t('semesters.list.captionComing')} rows={coming} />
        </>
      )}
      <PresidencyCalendarForm />
    </Page>
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
    <div className="table-scroll">
      <table className="table">
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('semesters.columns.semester')}</th>
            <th scope="col">{t('semesters.columns.period')}</th>
            <th scope="col">{t('semesters.columns.presidency')}</th>
            <th scope="col">{t('semesters.columns.status')}</th>
            <th scope="col">{t('semesters.columns.timeLeft')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={row.phase === 'running' ? 'table__row--current' : undefined}>
              <th scope="row">
                <Link to={semesterPath(row.id)}>{row.id}</Link>
                {row.phase === 'running' && (
                  <span className="table__secondary">{t('semesters.current')}</span>
                )}
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
        </tbody>
      </table>
    </div>
  );
}

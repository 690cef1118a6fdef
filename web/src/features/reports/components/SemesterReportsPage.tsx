import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Me } from '#shared/api/schemas.ts';
import { isSemesterId, semester as semesterDates } from '#shared/semesters.ts';
import { Page } from '../../../components/layout/Page.tsx';
import { LoadError } from '../../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { Table } from '../../../components/ui/Table.tsx';
import { annualSummaryPath, paths, reportPath, semesterPath } from '../../../config/paths.ts';
import { formatCalendarDate, formatInstant } from '../../../lib/dates.ts';
import { nameCollator, useOrganisationName } from '../../../lib/display-names.ts';
import { useSignedInMe } from '../../../lib/me.ts';
import { type SemesterSummary, useSemesters } from '../../../lib/semesters.ts';
import { generationComplete, type ReportList, type ReportSummary, useReportList } from '../api/reports.ts';
import { useNetworkNames } from '../utils/names.ts';
import { CloseSemesterAction } from './CloseSemesterAction.tsx';
import { DraftingStateCell } from './DraftingState.tsx';
import { GenerationProgress } from './GenerationProgress.tsx';
import { ReportStatus } from './ReportStatus.tsx';

/**
 * `/semesters/:id/reports`: the network reports of a semester and, right after the close, how far
 * their generation has got. The Commission's administrators close an open semester from here.
 */
export function SemesterReportsPage() {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  const { id = '' } = useParams();
  const semesters = useSemesters();
  const reports = useReportList(id);
  const me = useSignedInMe();
  const [justClosed, setJustClosed] = useState(false);
  // Once the generation was seen under way, its progress stays shown (complete) for the rest of the visit.
  const [sawGeneration, setSawGeneration] = useState(false);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const title = t('reports.semester.title', { id });
  const back = (
    <p className="breadcrumb">
      <Link to={paths.reports}>{t('reports.semester.toIndex')}</Link>
    </p>
  );

  const summary = semesters.data?.items.find((item) => item.id === id);
  if (!isSemesterId(id) || (semesters.data && !summary)) {
    return (
      <Page title={title}>
        <p>{t('reports.semester.notFound')}</p>
        {back}
      </Page>
    );
  }
  const failed = semesters.error ?? reports.error;
  if (failed) {
    return (
      <Page title={title}>
        {back}
        <LoadError
          title={t('reports.semester.loadFailed')}
          error={failed}
          onRetry={() => {
            if (semesters.isError) void semesters.refetch();
            if (reports.isError) void reports.refetch();
          }}
        />
      </Page>
    );
  }
  if (!summary || !reports.data) {
    return (
      <Page title={title}>
        {back}
        <LoadingState label={t('reports.semester.loading')} />
      </Page>
    );
  }

  const { progress } = reports.data;
  const closed = summary.status === 'closed';
  const generating = closed && !generationComplete(progress);
  if (generating && !sawGeneration) setSawGeneration(true);
  const mayClose = !closed && me.capabilities.includes('semesters.close');
  const year = Number(id.slice(0, 4));

  return (
    <Page title={title}>
      {back}
      <div ref={outcomeRef} tabIndex={-1} className="outcome">
        {justClosed && closed && (
          <div className="notice notice--success" role="status">
            <p>{t('closeSemester.done', { id })}</p>
          </div>
        )}
      </div>
      <SemesterFacts summary={summary} />
      <p>
        <Link to={semesterPath(id)}>{t('reports.semester.toContributions', { id })}</Link>
        {id.endsWith('H2') && closed && me.capabilities.includes('reports.read_annual') && (
          <>
            {' · '}
            <Link to={annualSummaryPath(year)}>{t('reports.semester.toAnnualSummary', { year })}</Link>
          </>
        )}
      </p>

      {!closed && (
        <p>
          {t('reports.semester.openIntro', {
            date: formatCalendarDate(semesterDates(id).end, language),
          })}
        </p>
      )}
      {mayClose && (
        <CloseSemesterAction
          semesterId={id}
          onClosed={() => {
            setJustClosed(true);
            setSawGeneration(true);
            // The button is gone with the close: carry on reading from the outcome, the progress below it.
            window.setTimeout(() => outcomeRef.current?.focus(), 0);
          }}
        />
      )}

      {closed && (generating || sawGeneration) && progress.expected > 0 && (
        <GenerationProgress progress={progress} />
      )}

      {closed && (
        <ReportTable
          semesterId={id}
          presidency={summary.presidency}
          list={reports.data}
          viewer={me.organisation}
          audience={audienceOf(me)}
          generating={generating}
        />
      )}
    </Page>
  );
}

function SemesterFacts({ summary }: { summary: SemesterSummary }) {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  const organisationName = useOrganisationName();
  return (
    <dl className="facts facts--wide facts--spaced">
      <div className="facts__row">
        <dt>{t('reports.semester.period')}</dt>
        <dd>
          {t('reports.semester.dateRange', {
            start: formatCalendarDate(summary.start, language),
            end: formatCalendarDate(summary.end, language),
          })}
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('reports.semester.presidency')}</dt>
        <dd>{organisationName(summary.presidency)}</dd>
      </div>
      <div className="facts__row">
        <dt>{t('reports.semester.status')}</dt>
        <dd>
          {summary.status === 'closed' && summary.closedAt
            ? t('reports.semester.closedOn', { date: formatInstant(summary.closedAt, language) })
            : t(`reports.semester.statuses.${summary.status}`)}
        </dd>
      </div>
    </dl>
  );
}

/** Who reads which reports, as the server says: the Commission all, a state its networks', others the finalised. */
type Audience = 'commission' | 'state' | 'institution';

function audienceOf(me: Me): Audience {
  if (!me.capabilities.includes('reports.read_generated')) return 'institution';
  return me.capabilities.includes('contributions.read_all') ? 'commission' : 'state';
}

function ReportTable({
  semesterId,
  presidency,
  list,
  viewer,
  audience,
  generating,
}: {
  semesterId: string;
  presidency: string;
  list: ReportList;
  viewer: string;
  audience: Audience;
  generating: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  const networks = useNetworkNames(list.items.map((item) => item.networkId));
  const collator = nameCollator(language);
  const rows = [...list.items].sort((a, b) =>
    collator.compare(networks.name(a.networkId), networks.name(b.networkId)),
  );
  const headingId = 'semester-reports-heading';

  let empty: string;
  if (generating) empty = t('reports.semester.emptyGenerating');
  else if (list.progress.expected === 0) empty = t('reports.semester.emptyNoNetwork');
  else if (audience === 'commission') empty = t('reports.semester.emptyNoNetwork');
  else if (audience === 'state') empty = t('reports.semester.emptyState');
  else empty = t('reports.semester.emptyInstitution');

  return (
    <section aria-labelledby={headingId}>
      <h2 className="section-title" id={headingId}>
        {t('reports.semester.tableHeading')}
      </h2>
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <>
          <p>
            {audience === 'state'
              ? t('reports.semester.readersState')
              : audience === 'commission'
                ? t('reports.semester.readersCommission')
                : t('reports.semester.readersInstitution')}
          </p>
          <Table
            caption={t('reports.semester.caption', { id: semesterId })}
            columns={[
              t('reports.columns.network'),
              t('reports.columns.status'),
              { label: t('reports.columns.version'), className: 'table__number' },
              t('reports.columns.drafting'),
              t('reports.columns.generatedAt'),
            ]}
          >
            {rows.map((row) => (
              <ReportRow
                key={row.networkId}
                row={row}
                name={networks.name(row.networkId)}
                presidency={presidency}
                viewer={viewer}
              />
            ))}
          </Table>
        </>
      )}
    </section>
  );
}

function ReportRow({
  row,
  name,
  presidency,
  viewer,
}: {
  row: ReportSummary;
  name: string;
  presidency: string;
  viewer: string;
}) {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  const yours = row.allowed.includes('finalise');
  return (
    <tr>
      <th scope="row">
        <Link to={reportPath(row.semester, row.networkId)}>{name}</Link>
        {yours && <span className="table__secondary">{t('reports.semester.yoursToFinalise')}</span>}
        {!yours && row.status === 'generated' && row.draftingState?.state === viewer && (
          <span className="table__secondary">{t('reports.semester.yourStateDrafts')}</span>
        )}
      </th>
      <td>
        <ReportStatus status={row.status} />
        {row.finalisedAt && (
          <span className="table__secondary">
            {t('reports.semester.finalisedOn', { date: formatInstant(row.finalisedAt, language) })}
          </span>
        )}
      </td>
      <td className="table__number">{row.version}</td>
      <td>
        <DraftingStateCell drafting={row.draftingState} presidency={presidency} />
      </td>
      <td className="table__date">{formatInstant(row.generatedAt, language)}</td>
    </tr>
  );
}

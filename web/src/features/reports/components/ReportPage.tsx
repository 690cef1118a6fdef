import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isSemesterId } from '#shared/semesters.ts';
import { Page } from '../../../components/layout/Page.tsx';
import { LoadError } from '../../../components/ui/ErrorState.tsx';
import { type Fact, Facts } from '../../../components/ui/Facts.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { Section } from '../../../components/ui/Section.tsx';
import { reportFilePath, reportPath, semesterReportsPath } from '../../../config/paths.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { formatInstant } from '../../../lib/dates.ts';
import { useOrganisationName } from '../../../lib/display-names.ts';
import { useSignedInMe } from '../../../lib/me.ts';
import { useSignedInReference } from '../../../lib/reference.ts';
import { type Report, reportQuery, useReport } from '../api/reports.ts';
import { useNetworkNames } from '../utils/names.ts';
import { AssessmentPanel } from './AssessmentPanel.tsx';
import { useDraftingReason } from './DraftingState.tsx';
import { FileLinks } from './FileLinks.tsx';
import { ReportFrame } from './ReportFrame.tsx';
import { ReportStatus } from './ReportStatus.tsx';
import { ReportVersions } from './ReportVersions.tsx';

/** `?version=3` when it names a version; the latest otherwise. */
function versionParam(value: string | null): number | undefined {
  if (value === null || !/^[1-9]\d{0,5}$/.test(value)) return undefined;
  return Number(value);
}

/**
 * `/semesters/:id/reports/:net[?version=N]`: one network's report — the document inline, its files,
 * its versions, who drafts it and why; for the drafting state's coordinators, the assessment and the
 * finalisation.
 */
export function ReportPage() {
  const { t } = useTranslation();
  const { id: semester = '', net: networkId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const version = versionParam(params.get('version'));
  const report = useReport(semester, networkId, version);
  const networks = useNetworkNames([networkId]);
  const me = useSignedInMe();
  const [finalised, setFinalised] = useState<number | null>(null);
  // Once the assessment form is shown it stays for the visit, even if someone else finalises meanwhile.
  const [assessing, setAssessing] = useState(false);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const title = t('reports.report.title', { network: networks.title(networkId), semester });
  const back = (
    <p className="breadcrumb">
      <Link to={semesterReportsPath(semester)}>{t('reports.report.toSemester', { id: semester })}</Link>
    </p>
  );

  if (!isSemesterId(semester)) {
    return (
      <Page title={t('reports.report.notFoundTitle')}>
        <p>{t('reports.report.notFound', { id: semester })}</p>
      </Page>
    );
  }
  if (report.error) {
    const error = report.error;
    const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
    return (
      <Page title={title}>
        {back}
        {missing && <p>{t('reports.report.notFound', { id: semester })}</p>}
        {!missing && (
          <LoadError
            title={t('reports.report.loadFailed')}
            error={error}
            onRetry={() => void report.refetch()}
          />
        )}
      </Page>
    );
  }
  if (!report.data) {
    return (
      <Page title={title}>
        {back}
        <LoadingState label={t('reports.report.loading')} />
      </Page>
    );
  }

  const data = report.data;
  const latestVersion = Math.max(...data.versions.map((entry) => entry.version));
  const isLatest = data.version === latestVersion;
  const canAssess = isLatest && data.allowed.includes('assess');
  if (canAssess && !assessing) setAssessing(true);
  // Generated versions are read by the network's members and the Commission; the Council, the
  // Parliament and the EBCG Agency read finalised ones only. (A state outside the network that follows
  // such a link is told so by the server.)
  const readsGenerated = me.capabilities.includes('reports.read_generated');

  return (
    <Page title={title}>
      {back}
      <div ref={outcomeRef} tabIndex={-1} className="outcome">
        {finalised !== null && data.status === 'finalised' && (
          <div className="notice notice--success" role="status">
            <p>{t('reports.finalise.done', { version: finalised })}</p>
          </div>
        )}
      </div>
      {!isLatest && (
        <div className="notice">
          <p>
            {t('reports.report.olderVersion', { version: data.version, latest: latestVersion })}{' '}
            <Link to={reportPath(semester, networkId)}>
              {t('reports.report.toLatest', { latest: latestVersion })}
            </Link>
          </p>
        </div>
      )}

      <ReportFacts report={data} />

      <Section id="report-files" title={t('reports.files.heading')}>
        <ReportFiles report={data} version={version} />
      </Section>

      <Section id="report-document" title={t('reports.frame.heading', { version: data.version })}>
        <p className="list-count">{t('reports.frame.intro')}</p>
        <ReportFrame
          semester={semester}
          networkId={networkId}
          version={data.version}
          title={t('reports.frame.title', { title, version: data.version })}
        />
      </Section>

      {isLatest && (assessing || canAssess) && (
        <AssessmentPanel
          report={data}
          locked={!canAssess}
          onFinalised={(next) => {
            setAssessing(false);
            setFinalised(next.version);
            if (version !== undefined) setParams({}, { replace: true });
            window.setTimeout(() => outcomeRef.current?.focus(), 0);
          }}
        />
      )}
      {!assessing && data.status === 'generated' && data.assessment && (
        <Section id="report-assessment" title={t('reports.assessment.draftHeading')}>
          <p className="list-count">{t('reports.assessment.draftIntro')}</p>
          <blockquote className="assessment__current prose">{data.assessment}</blockquote>
        </Section>
      )}

      <ReportVersions report={data} shown={data.version} readsGenerated={readsGenerated} />
    </Page>
  );
}

function ReportFacts({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  const organisationName = useOrganisationName();
  const reference = useSignedInReference();
  const reason = useDraftingReason();
  const presidency = reference.semesters.find((entry) => entry.id === report.semester)?.presidency;
  const latest = Math.max(...report.versions.map((entry) => entry.version));
  const rows: Fact[] = [
    {
      term: t('reports.columns.status'),
      value: (
        <>
          <ReportStatus status={report.status} />
          <span className="facts__note facts__note--block">
            {report.status === 'finalised'
              ? t('reports.report.finalisedNote')
              : t('reports.report.generatedNote')}
          </span>
        </>
      ),
    },
    {
      term: t('reports.columns.version'),
      value: t('reports.report.versionOf', { version: report.version, count: latest }),
    },
    { term: t('reports.columns.generatedAt'), value: formatInstant(report.generatedAt, language) },
  ];
  if (report.finalisedAt) {
    rows.push({ term: t('reports.report.finalisedAt'), value: formatInstant(report.finalisedAt, language) });
  }
  rows.push({
    term: t('reports.columns.drafting'),
    value: report.draftingState ? (
      <>
        {organisationName(report.draftingState.state)}
        <span className="facts__note facts__note--block">
          {reason(report.draftingState, presidency, 'long')}
        </span>
      </>
    ) : (
      t('reports.drafting.none')
    ),
  });
  return (
    <section className="card card--flat" aria-label={t('reports.report.summary')}>
      <Facts rows={rows} />
    </section>
  );
}

/**
 * The files of the version shown, at their lasting addresses (which a person may copy and share); a
 * click opens a link the API signs for a few minutes, read afresh.
 */
function ReportFiles({ report, version }: { report: Report; version: number | undefined }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useReport(report.semester, report.networkId, version);
  const lasting = Object.fromEntries(
    Object.keys(report.formats).map((format) => [
      format,
      reportFilePath(report.semester, report.networkId, report.version, format),
    ]),
  );
  return (
    <FileLinks
      links={report.formats}
      lasting={lasting}
      readAt={query.dataUpdatedAt}
      label={t('reports.files.reportLabel', { version: report.version })}
      refresh={async () => {
        try {
          const fresh = await queryClient.fetchQuery({
            ...reportQuery(report.semester, report.networkId, version),
            staleTime: 0,
          });
          return fresh.formats;
        } catch {
          return undefined;
        }
      }}
    />
  );
}

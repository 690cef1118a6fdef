import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { reportFileParams } from '#shared/reports.ts';
import { Page } from '../../../components/layout/Page.tsx';
import { LoadError } from '../../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { reportPath } from '../../../config/paths.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { reportQuery } from '../api/reports.ts';
import { useNetworkNames } from '../utils/names.ts';

/**
 * `/semesters/:id/reports/:net/files/:version/:format`: the lasting address of one file of a report.
 * Signed in (or after signing in, which comes back here), it reads the report version, which the API
 * answers only to those who may read it, with a freshly signed link to each file, and goes on to the
 * file. Anyone else reads why not. The address itself never expires: the signature is made per visit.
 */
export function ReportFilePage() {
  const { t } = useTranslation();
  const params = useParams();
  const parsed = reportFileParams.safeParse(params);
  const file = parsed.success ? parsed.data : undefined;
  // Read once: a page left open (a Word file saves, the page stays) must not fetch it again each minute.
  const report = useQuery({
    ...reportQuery(file?.id ?? '', file?.net ?? '', file?.version),
    enabled: !!file,
    refetchInterval: false,
    refetchOnWindowFocus: false,
  });
  const networks = useNetworkNames(file ? [file.net] : []);
  const location = file && report.data ? report.data.formats[file.format] : undefined;
  const followed = useRef(false);

  useEffect(() => {
    if (!location || followed.current) return;
    followed.current = true;
    // Replaces this address in the history: going back returns to where the link was followed from.
    window.location.replace(location);
  }, [location]);

  if (!file) {
    return (
      <Page title={t('reports.file.notFoundTitle')}>
        <p>{t('reports.file.notFound')}</p>
      </Page>
    );
  }
  const title = t('reports.file.title', {
    network: networks.title(file.net),
    semester: file.id,
    version: file.version,
    format: t(`reports.files.formats.${file.format}`),
  });
  const back = (
    <p>
      <Link to={reportPath(file.id, file.net, file.version)}>{t('reports.file.toReport')}</Link>
    </p>
  );
  const { error } = report;
  if (error) {
    const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
    return (
      <Page title={missing ? t('reports.file.notFoundTitle') : title}>
        {missing ? (
          <p>{t('reports.file.notFound')}</p>
        ) : (
          <LoadError
            title={t('reports.report.loadFailed')}
            error={error}
            onRetry={() => void report.refetch()}
          />
        )}
      </Page>
    );
  }
  return (
    <Page title={title}>
      {location ? (
        <p role="status">{t('reports.file.opened')}</p>
      ) : (
        <LoadingState label={t('reports.file.opening')} />
      )}
      {back}
    </Page>
  );
}

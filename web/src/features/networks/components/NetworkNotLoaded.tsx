import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../../components/layout/Page.tsx';
import { LoadError } from '../../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import type { Loadable } from '../../../components/ui/QueryResult.tsx';
import { paths } from '../../../config/paths.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';

/**
 * A network page before its network is there: loading, or a network that could not be read ("not
 * found" needs no retry; any other failure offers one).
 */
export function NetworkNotLoaded({
  title,
  network,
  loading,
}: {
  title: string;
  network: Loadable<unknown>;
  loading: string;
}) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const { error } = network;
  if (!error) {
    return (
      <Page title={title}>
        <LoadingState label={loading} />
      </Page>
    );
  }
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
    return (
      <Page title={t('networks.notFound.title')}>
        <p>{error.status === 404 ? t('networks.notFound.body') : describeError(error)}</p>
        <p>
          <Link to={paths.networks}>{t('networks.toList')}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={title}>
      <LoadError title={t('errors.loadFailed')} error={error} onRetry={() => void network.refetch()} />
    </Page>
  );
}

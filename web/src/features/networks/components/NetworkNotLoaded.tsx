import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../../components/layout/Page.tsx';
import { ErrorState } from '../../../components/ui/ErrorState.tsx';
import { paths } from '../../../config/paths.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';

/** A network that could not be read: "not found" needs no retry; any other failure offers one. */
export function NetworkLoadError({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: unknown;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
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
      <ErrorState title={t('errors.loadFailed')} message={describeError(error)} onRetry={onRetry} />
    </Page>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../../components/layout/Page.tsx';
import { LoadError } from '../../../components/ui/ErrorState.tsx';
import { paths } from '../../../config/paths.ts';
import { ApiError } from '../../../lib/api-client.ts';

/**
 * A secondment that could not be read: "not found" (a wrong address, or another state's draft, which
 * the server does not reveal) needs no retry; any other failure offers one.
 */
export function SecondmentLoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 404) {
    return (
      <Page title={t('secondments.detail.notFoundTitle')}>
        <p>{t('secondments.detail.notFoundBody')}</p>
        <p>
          <Link to={paths.secondments}>{t('secondments.form.toList')}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t('secondments.detail.fallbackTitle')}>
      <LoadError title={t('errors.loadFailed')} error={error} onRetry={onRetry} />
    </Page>
  );
}

import { useTranslation } from 'react-i18next';
import { useRevalidator, useRouteError } from 'react-router';
import { Page } from '../../components/layout/Page.tsx';
import { isRefusal, NotAllowed } from '../../components/ui/ErrorState.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { ApiError } from '../../lib/api-client.ts';
import { useErrorMessage } from '../../lib/error-message.ts';

/** Shown instead of the whole app when rendering fails: a plain page, since the layout may be what broke. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  useDocumentTitle(t('errors.loadFailed'));
  console.error(error);
  return (
    <main className="site-main" id="main">
      <h1 className="page-title">{t('errors.loadFailed')}</h1>
      <p>{t('errors.unexpected')}</p>
      <p>
        <a href={window.location.pathname}>{t('errors.reload')}</a>
      </p>
    </main>
  );
}

/**
 * A signed-in page whose data could not be read (its loader, or a query it waits for, failed), shown
 * inside the layout: what went wrong, and "Try again", which runs the loaders again; a refusal (403)
 * reads as not allowed, with nothing to retry. Anything else (a fault of the page itself) goes on to
 * the plain error page above.
 */
export function RouteLoadError() {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const error = useRouteError();
  const revalidator = useRevalidator();
  if (!(error instanceof ApiError)) throw error;
  if (isRefusal(error)) {
    return (
      <Page title={t('errors.notAllowed')}>
        <NotAllowed error={error} untitled />
      </Page>
    );
  }
  return (
    <Page title={t('errors.loadFailed')}>
      <div className="notice notice--error" role="alert">
        <p>{describeError(error)}</p>
        <button
          className="button button--secondary"
          type="button"
          onClick={() => void revalidator.revalidate()}
        >
          {t('errors.retry')}
        </button>
      </div>
    </Page>
  );
}

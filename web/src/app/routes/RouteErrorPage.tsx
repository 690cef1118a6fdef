import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';

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

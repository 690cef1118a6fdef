import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/layout/Page.tsx';
import { paths } from '../../config/paths.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to={paths.dashboard}>{t('notFound.toDashboard')}</Link>
      </p>
    </Page>
  );
}

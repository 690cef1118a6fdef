import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../components/ui/LoadingState.tsx';

/** Shown on the very first load while the code of a page loaded on demand arrives. */
export function RouteLoading() {
  const { t } = useTranslation();
  return (
    <main className="site-main" id="main">
      <LoadingState label={t('layout.loadingPage')} />
    </main>
  );
}

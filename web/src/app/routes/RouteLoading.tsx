import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../components/ui/LoadingState.tsx';

/**
 * Shown while a page's code or data arrives: on the very first load in a plain frame of its own,
 * afterwards (`inLayout`) inside the layout's main part.
 */
export function RouteLoading({ inLayout = false }: { inLayout?: boolean }) {
  const { t } = useTranslation();
  const loading = <LoadingState label={t('layout.loadingPage')} />;
  if (inLayout) return loading;
  return (
    <main className="site-main" id="main">
      {loading}
    </main>
  );
}

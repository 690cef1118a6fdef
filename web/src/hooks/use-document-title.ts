import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab's title to "<page> – ILO Network Platform", in the UI language. */
export function useDocumentTitle(page: string): void {
  const { t } = useTranslation();
  const title = t('app.documentTitle', { page });
  useEffect(() => {
    document.title = title;
  }, [title]);
}

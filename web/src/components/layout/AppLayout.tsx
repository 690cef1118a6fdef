import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { paths } from '../../config/paths.ts';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { type NavigationItem, PrimaryNavigation } from './PrimaryNavigation.tsx';

interface AppLayoutProps {
  navigation: readonly NavigationItem[];
  /** The signed-in person's summary and sign-out, or nothing when signed out. */
  account: ReactNode;
  children: ReactNode;
}

/** The frame of every page: skip link, header (name, navigation, account, language), main content. */
export function AppLayout({ navigation, account, children }: AppLayoutProps) {
  const { t } = useTranslation();
  useFocusPageHeadingOnNavigation();

  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__bar">
          <Link className="site-header__name" to={paths.dashboard}>
            {t('app.name')}
          </Link>
          <div className="site-header__tools">
            {account}
            <LanguageSwitcher />
          </div>
        </div>
        <PrimaryNavigation items={navigation} />
      </header>
      <main className="site-main" id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/**
 * A single-page app does not load a new document on navigation, so nothing tells a screen reader
 * that the page changed: move focus to the new page's heading, as a page load would start there.
 */
function useFocusPageHeadingOnNavigation(): void {
  const { pathname } = useLocation();
  const isFirstRender = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each change of path, by design.
  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    document.querySelector<HTMLElement>('#main h1')?.focus();
  }, [pathname]);
}

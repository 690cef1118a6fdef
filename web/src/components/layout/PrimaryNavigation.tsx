import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { Capability } from '#shared/api/schemas.ts';
import type en from '../../locales/en.json';

/** One entry of the main menu; the list itself is data (app/navigation.ts) that features extend. */
export interface NavigationItem {
  to: string;
  labelKey: `navigation.${keyof typeof en.navigation}`;
  /** Matches only this exact path (for the dashboard at "/", which every path starts with). */
  end?: boolean;
  /** Shown only to people whose `GET /api/me` capabilities hold this one. */
  capability?: Capability;
}

export function PrimaryNavigation({ items }: { items: readonly NavigationItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <nav className="primary-navigation" aria-label={t('layout.primaryNavigation')}>
      <ul className="primary-navigation__list">
        {items.map(({ to, labelKey, end }) => (
          <li key={to}>
            {/* NavLink sets aria-current="page" on the link to the page being shown. */}
            <NavLink className="primary-navigation__link" to={to} end={end ?? false}>
              {t(labelKey)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import { useTranslation } from 'react-i18next';
import { languages } from '../../lib/i18n.ts';

/** Switches the UI language; i18n.ts remembers the choice for the next visit. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="language-switcher">
      <legend className="visually-hidden">{t('layout.language')}</legend>
      {languages.map((language) => (
        <button
          key={language}
          className="language-switcher__option"
          type="button"
          lang={language}
          aria-pressed={i18n.resolvedLanguage === language}
          onClick={() => void i18n.changeLanguage(language)}
        >
          {t(`languages.${language}`)}
        </button>
      ))}
    </fieldset>
  );
}

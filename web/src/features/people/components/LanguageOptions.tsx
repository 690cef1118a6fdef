import { useTranslation } from 'react-i18next';
import { personLanguages } from '#shared/preferences.ts';

/** The languages a person can have, each named in itself (as the header's switcher names them). */
export function LanguageOptions() {
  const { t } = useTranslation();
  return personLanguages.map((language) => (
    <option key={language} value={language} lang={language}>
      {t(`languages.${language}`)}
    </option>
  ));
}

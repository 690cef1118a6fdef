import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import fr from '../locales/fr.json';

export const languages = ['en', 'fr'] as const;
export type Language = (typeof languages)[number];

// Both files must hold the same keys: a key added to one language only fails the type check.
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<Condition extends true> = Condition;
export type LocalesHaveTheSameKeys = Assert<SameShape<typeof en, typeof fr>>;

export const resources = { en: { translation: en }, fr: { translation: fr } } as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

const LANGUAGE_STORAGE_KEY = 'ilo.language';

export function isLanguage(value: string | null | undefined): value is Language {
  return (languages as readonly (string | null | undefined)[]).includes(value);
}

function initialLanguage(): Language {
  const saved = localStorage.getItem(LANGUAGE_STORAGE_KEY);
  if (isLanguage(saved)) return saved;
  return navigator.languages.some((tag) => tag.toLowerCase().startsWith('fr')) ? 'fr' : 'en';
}

/** The BCP 47 locale for dates and names: EU English writes "1 July 2026", as en-GB does. */
export function intlLocale(language: string): string {
  return language === 'fr' ? 'fr-FR' : 'en-GB';
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  if (isLanguage(language)) localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
});

await i18next.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: languages,
  // React escapes what it renders; escaping here as well would show "&amp;" in the page.
  interpolation: { escapeValue: false },
});

export { i18next };

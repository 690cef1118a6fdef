// Country names come from a maintained library (i18n-iso-countries), never from a hand-typed list.
// The plain entry: the package's Node entry would register all ~80 languages (700 KB in every bundle).
import countries from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };

countries.registerLocale(en);
countries.registerLocale(fr);

export type Locale = 'en' | 'fr';

/** Every ISO 3166-1 alpha-2 code the library knows (including XK, Kosovo, as used by the EU). */
export const allCountryCodes: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();

export function countryName(code: string, locale: Locale = 'en'): string {
  return countries.getName(code, locale, { select: 'official' }) ?? code;
}

export function isCountryCode(code: string): boolean {
  return countries.isValid(code);
}

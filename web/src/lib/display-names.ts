import { useTranslation } from 'react-i18next';
import { countryName as countryNameIn } from '#shared/reference/countries.ts';
import { type InstitutionCode, institutionCodes } from '#shared/reference/organisations.ts';
import { intlLocale } from './i18n.ts';

/**
 * Names of countries and organisations in the UI language. Country names come from the one source
 * the reports use too (shared/reference/countries.ts, CLDR through Intl.DisplayNames); the EU
 * bodies' names come from the translation files.
 */
export function countryName(code: string, language: string): string {
  return countryNameIn(code, intlLocale(language));
}

function isInstitution(code: string): code is InstitutionCode {
  return (institutionCodes as readonly string[]).includes(code);
}

/**
 * Returns a function naming an organisation code (`DE`, `EC`, ...) in the current UI language; text
 * that is no code (an organiser typed as words) comes back as it is.
 */
export function useOrganisationName(): (code: string) => string {
  const { t, i18n } = useTranslation();
  return (code) => (isInstitution(code) ? t(`organisations.${code}`) : countryName(code, i18n.language));
}

/** Compares names the way the language sorts them ("Österreich" beside "Ostfriesland", not after "Z"). */
export function nameCollator(language: string): Intl.Collator {
  return new Intl.Collator(intlLocale(language));
}

const languageNamesByLocale = new Map<string, Intl.DisplayNames>();

function languageNames(language: string): Intl.DisplayNames {
  const locale = intlLocale(language);
  let names = languageNamesByLocale.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
    languageNamesByLocale.set(locale, names);
  }
  return names;
}

/** The name of a language (ISO 639-1 code such as `ar`) in the UI language; the code when unknown. */
export function languageName(code: string, language: string): string {
  return languageNames(language).of(code) ?? code;
}

let twoLetterLanguageCodes: readonly string[] | undefined;

/**
 * The ISO 639-1 languages, as the browser's CLDR data knows them: every two-letter code that is its own
 * canonical form (not a retired alias such as `iw`) and has a name. No hand-typed list to maintain.
 */
export function languageCodes(): readonly string[] {
  if (!twoLetterLanguageCodes) {
    const names = languageNames('en');
    const codes: string[] = [];
    for (let first = 97; first <= 122; first += 1) {
      for (let second = 97; second <= 122; second += 1) {
        const code = String.fromCharCode(first, second);
        const canonical = Intl.getCanonicalLocales(code)[0];
        if (canonical === code && names.of(code) !== undefined) codes.push(code);
      }
    }
    twoLetterLanguageCodes = codes;
  }
  return twoLetterLanguageCodes;
}

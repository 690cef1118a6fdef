import { useTranslation } from 'react-i18next';
import { type InstitutionCode, institutionCodes } from '#shared/reference/organisations.ts';
import { intlLocale } from './i18n.ts';

/**
 * Names of countries and organisations in the UI language. Country names come from the browser's
 * own CLDR data (Intl.DisplayNames), so French shows French names without shipping name tables;
 * the EU bodies' names come from the translation files.
 */
const regionNamesByLocale = new Map<string, Intl.DisplayNames>();

export function countryName(code: string, language: string): string {
  const locale = intlLocale(language);
  let names = regionNamesByLocale.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    regionNamesByLocale.set(locale, names);
  }
  return names.of(code) ?? code;
}

function isInstitution(code: string): code is InstitutionCode {
  return (institutionCodes as readonly string[]).includes(code);
}

/** Returns a function naming an organisation code (`DE`, `EC`, ...) in the current UI language. */
export function useOrganisationName(): (code: string) => string {
  const { t, i18n } = useTranslation();
  return (code) => (isInstitution(code) ? t(`organisations.${code}`) : countryName(code, i18n.language));
}

/** Compares names the way the language sorts them ("Österreich" beside "Ostfriesland", not after "Z"). */
export function nameCollator(language: string): Intl.Collator {
  return new Intl.Collator(intlLocale(language));
}

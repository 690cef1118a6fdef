// The country codes come from a maintained library (i18n-iso-countries), never from a hand-typed
// list. Its plain entry, without any of its name tables: names come from CLDR (below).
import countries from 'i18n-iso-countries/index.js';

/** Every ISO 3166-1 alpha-2 code the library knows (including XK, Kosovo, as used by the EU). */
export const allCountryCodes: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();

/** The language the reports are written in, and the web app's English (web/src/lib/i18n.ts). */
export const REPORT_LOCALE = 'en-GB';

const namesByLocale = new Map<string, Intl.DisplayNames>();

/**
 * A country's name in a locale, from the CLDR data built into Node and the browser (Intl.DisplayNames):
 * the one source of names for the reports and the web app, so both say "Congo - Kinshasa" and
 * "Czechia" alike, in any language, without shipping name tables.
 */
export function countryName(code: string, locale: string = REPORT_LOCALE): string {
  // Not a region code (a regional network's `R-…` id, say): Intl.DisplayNames would throw.
  if (!/^[A-Z]{2}$/.test(code)) return code;
  let names = namesByLocale.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    namesByLocale.set(locale, names);
  }
  return names.of(code) ?? code;
}

export function isCountryCode(code: string): boolean {
  return countries.isValid(code);
}

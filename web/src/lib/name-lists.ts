import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName, nameCollator } from './display-names.ts';
import { intlLocale } from './i18n.ts';

/** One choice of a picker: the code the form keeps and the name the person reads. */
export interface NamedOption {
  value: string;
  label: string;
}

/** Country codes as options named in the UI language, sorted the way that language sorts. */
export function useCountryOptions(codes: readonly string[]): NamedOption[] {
  const { i18n } = useTranslation();
  const { language } = i18n;
  return useMemo(() => {
    const collator = nameCollator(language);
    return codes
      .map((code) => ({ value: code, label: countryName(code, language) }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [codes, language]);
}

/** A list of names joined the way the language joins them ("Georgia, Iran and Iraq"). */
export function useListFormat(): (items: readonly string[]) => string {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  return (items) => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

/** Sorts codes by their names in the UI language. */
export function useSortByName(): <T>(items: readonly T[], name: (item: T) => string) => T[] {
  const { i18n } = useTranslation();
  const collator = nameCollator(i18n.language);
  return (items, name) => [...items].sort((a, b) => collator.compare(name(a), name(b)));
}

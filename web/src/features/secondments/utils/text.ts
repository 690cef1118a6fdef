import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComboboxOption } from '../../../components/form/Combobox.tsx';
import { formatCalendarDate } from '../../../lib/dates.ts';
import { countryName, languageCodes, languageName, nameCollator } from '../../../lib/display-names.ts';
import type { FieldPath, SecondmentFormValues } from './form-values.ts';

/** The locale key of each form field (`secondments.fields.<key>`). */
export const fieldKeys = {
  hostCountry: 'hostCountry',
  regionalCoverage: 'regionalCoverage',
  'post.city': 'postCity',
  'post.mission': 'postMission',
  authority: 'authority',
  'officer.name': 'officerName',
  'officer.email': 'officerEmail',
  'officer.phone': 'officerPhone',
  startDate: 'startDate',
  endDate: 'endDate',
  tasks: 'tasks',
  taskDescription: 'taskDescription',
  languages: 'languages',
} as const satisfies Record<FieldPath, string>;

/** Options named in the UI language and sorted the way that language sorts. */
function sortedOptions(codes: readonly string[], name: (code: string) => string, language: string) {
  const collator = nameCollator(language);
  return codes
    .map((code): ComboboxOption => ({ value: code, label: name(code) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

export function useCountryOptions(codes: readonly string[]): ComboboxOption[] {
  const { i18n } = useTranslation();
  const { language } = i18n;
  return useMemo(
    () => sortedOptions(codes, (code) => countryName(code, language), language),
    [codes, language],
  );
}

export function useLanguageOptions(): ComboboxOption[] {
  const { i18n } = useTranslation();
  const { language } = i18n;
  return useMemo(
    () => sortedOptions(languageCodes(), (code) => languageName(code, language), language),
    [language],
  );
}

/** A list of names joined the way the language joins them ("Georgia, Iran and Iraq"). */
export function useListFormat(): (items: readonly string[]) => string {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'fr' ? 'fr-FR' : 'en-GB';
  return (items) => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

/** One field's value as a person reads it, for "what you typed" comparisons. */
export function useFieldDisplay(): (path: FieldPath, values: SecondmentFormValues) => string {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  const list = useListFormat();
  const none = t('secondments.detail.none');
  const text = (value: string) => (value.trim() === '' ? none : value);
  const date = (value: string) => {
    if (value === '') return none;
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatCalendarDate(value, language) : value;
  };
  const names = <T extends string>(items: readonly T[], name: (item: T) => string) =>
    Array.isArray(items) && items.length > 0 ? list(items.map(name)) : none;
  return (path, values) => {
    switch (path) {
      case 'hostCountry':
        return values.hostCountry ? countryName(values.hostCountry, language) : none;
      case 'regionalCoverage':
        return names(values.regionalCoverage, (code) => countryName(code, language));
      case 'post.city':
        return text(values.post.city);
      case 'post.mission':
        return values.post.mission ? t(`secondments.missions.${values.post.mission}`) : none;
      case 'authority':
        return text(values.authority);
      case 'officer.name':
        return text(values.officer.name);
      case 'officer.email':
        return text(values.officer.email);
      case 'officer.phone':
        return text(values.officer.phone);
      case 'startDate':
        return date(values.startDate);
      case 'endDate':
        return date(values.endDate);
      case 'tasks':
        return names(values.tasks, (task) => t(`secondments.tasks.${task}.label`));
      case 'taskDescription':
        return text(values.taskDescription);
      case 'languages':
        return names(values.languages, (code) => languageName(code, language));
    }
  };
}

import { useTranslation } from 'react-i18next';
import type { TableColumn, TemplateField } from '#shared/report-templates.ts';
import { countryName } from '../../../lib/display-names.ts';
import { intlLocale } from '../../../lib/i18n.ts';
import type { FieldValue } from './form-values.ts';
import type { Problem } from './problems.ts';
import { useTemplateText } from './template-texts.ts';

/** Numbers as the language writes them ("12,500" / "12 500"). */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(intlLocale(language)).format(value);
}

/** "14:02" today, "3 March 2026, 14:02" on another day: when a contribution was last saved. */
export function formatSavedAt(instant: string, language: string, now = new Date()): string {
  const at = new Date(instant);
  const locale = intlLocale(language);
  const sameDay = at.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(
    locale,
    sameDay ? { timeStyle: 'short' } : { dateStyle: 'long', timeStyle: 'short' },
  ).format(at);
}

/**
 * A network's name: a country network by its host country ("Türkiye network", "réseau Turquie"; with
 * `start`, as a sentence or a link begins); a regional one by its id until the API names it.
 */
export function useNetworkName(): (networkId: string, position?: 'start' | 'within') => string {
  const { t, i18n } = useTranslation();
  return (networkId, position = 'within') => {
    if (!/^[A-Z]{2}$/.test(networkId)) return networkId;
    const country = countryName(networkId, i18n.language);
    return position === 'start'
      ? t('contributions.networkNameStart', { country })
      : t('contributions.networkName', { country });
  };
}

/** What a problem means, in the UI language, and where it is (the row and column of a cell). */
export function useProblemText() {
  const { t, i18n } = useTranslation();
  const text = useTemplateText();
  const message = (problem: Problem): string => {
    if (problem.type === 'server') return problem.message ?? t('errors.unexpected');
    const max = problem.max === undefined ? undefined : formatNumber(problem.max, i18n.language);
    return t(`contributions.errors.${problem.type}`, { max });
  };
  /** For the error summary: "Flows, row 2, Nationality: Choose a country from the list". */
  const summary = (problem: Problem, field: TemplateField | undefined): string => {
    const label = field ? text.label(field) : problem.fieldId;
    const where =
      problem.row !== undefined && problem.column
        ? t('contributions.form.cellWhere', {
            field: label,
            row: problem.row + 1,
            column: text.column(problem.column.id),
          })
        : label;
    return `${where}: ${message(problem)}`;
  };
  return { message, summary };
}

/** One value as a person reads it: a country's name, a choice's label, a number in the language's digits. */
export function useValueDisplay() {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  const text = useTemplateText();
  const none = t('contributions.view.none');
  const cell = (column: TableColumn, value: string): string => {
    if (value.trim() === '') return none;
    switch (column.type) {
      case 'country':
        return countryName(value, language);
      case 'choice':
        return text.option(column.id, value);
      case 'count':
        return /^\d+$/.test(value) ? formatNumber(Number(value), language) : value;
      default:
        return value;
    }
  };
  /** A whole field on one line or paragraph, for "what you typed" comparisons. */
  const field = (template: TemplateField, value: FieldValue | undefined): string => {
    if (template.kind === 'table') {
      const rows = Array.isArray(value) ? value : [];
      if (rows.length === 0) return none;
      return rows
        .map((row) => template.columns.map((column) => cell(column, row[column.id] ?? '')).join(', '))
        .join('\n');
    }
    const typed = typeof value === 'string' ? value : '';
    if (typed.trim() === '') return none;
    return template.kind === 'count' && /^\d+$/.test(typed.trim())
      ? formatNumber(Number(typed.trim()), language)
      : typed;
  };
  return { cell, field, none };
}

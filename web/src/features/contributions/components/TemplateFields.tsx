import { useEffect, useMemo, useRef } from 'react';
import { type Control, type UseFormRegister, useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { allCountryCodes } from '#shared/reference/countries.ts';
import type { TableColumn, TemplateField } from '#shared/report-templates.ts';
import type { ComboboxOption } from '../../../components/form/Combobox.tsx';
import { ComboboxController } from '../../../components/form/ComboboxControllers.tsx';
import { FormField } from '../../../components/form/FormField.tsx';
import { countryName, nameCollator } from '../../../lib/display-names.ts';
import { formatNumber } from '../utils/display.ts';
import { controlId, emptyRow, type FormValues } from '../utils/form-values.ts';
import { useTemplateText } from '../utils/template-texts.ts';
import { CountControl, CountInput } from './CountInput.tsx';
import { FieldLabel, pathOf, type TemplateFieldProps, TemplateFormField } from './TemplateFormField.tsx';

export type { TemplateFieldProps } from './TemplateFormField.tsx';

type TableTemplateField = Extract<TemplateField, { kind: 'table' }>;

/** One field of the template, as its kind asks: a text, a table of typed cells, or a figure. */
export function TemplateFieldInput(props: TemplateFieldProps) {
  switch (props.field.kind) {
    case 'narrative':
      return <NarrativeInput {...props} field={props.field} />;
    case 'table':
      return <TableInput {...props} field={props.field} />;
    case 'count':
      return <CountInput {...props} />;
  }
}

function NarrativeInput({
  field,
  control,
  register,
  errorFor,
}: TemplateFieldProps & { field: Extract<TemplateField, { kind: 'narrative' }> }) {
  const { t, i18n } = useTranslation();
  // Only this field re-renders as it is typed in, for its character count.
  const value = useWatch({ control, name: pathOf(field.id) }) as unknown;
  const length = typeof value === 'string' ? value.length : 0;
  const over = length - field.maxLength;
  const countId = `${controlId(field.id)}-count`;
  return (
    <TemplateFormField field={field} errorFor={errorFor}>
      {(props) => (
        <>
          <textarea
            className="field__control field__control--textarea"
            rows={field.maxLength > 5000 ? 8 : 5}
            {...props}
            aria-describedby={[props['aria-describedby'], countId].filter(Boolean).join(' ')}
            {...register(pathOf(field.id))}
          />
          <p className={over > 0 ? 'char-count char-count--over' : 'char-count'} id={countId}>
            {over > 0
              ? t('contributions.form.charactersOver', {
                  count: over,
                  over: formatNumber(over, i18n.language),
                })
              : t('contributions.form.characters', {
                  count: length,
                  used: formatNumber(length, i18n.language),
                  max: formatNumber(field.maxLength, i18n.language),
                })}
          </p>
        </>
      )}
    </TemplateFormField>
  );
}

/** Every country, named in the UI language and sorted as the language sorts: for nationality, origin, route. */
function useAllCountryOptions(): ComboboxOption[] {
  const { i18n } = useTranslation();
  const { language } = i18n;
  return useMemo(() => {
    const collator = nameCollator(language);
    return allCountryCodes
      .map((code) => ({ value: code, label: countryName(code, language) }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [language]);
}

/**
 * A table of the template: a real table (caption, column headers), each cell a labelled control of
 * its column's type, rows added and removed with buttons. Focus follows: to the new row's first
 * cell after adding, to the next row's remove button (or the add button) after removing.
 */
function TableInput({
  field,
  control,
  register,
  errorFor,
}: TemplateFieldProps & { field: TableTemplateField }) {
  const { t } = useTranslation();
  const text = useTemplateText();
  const { fields: rows, append, remove } = useFieldArray({ control, name: pathOf(field.id) });
  const id = controlId(field.id);
  const labelId = `${id}-label`;
  const helpId = `${id}-hint`;
  const errorId = `${id}-error`;
  const error = errorFor(field.id);
  const label = text.label(field);
  const focusAfter = useRef<{ kind: 'added' } | { kind: 'removed'; index: number } | null>(null);
  const tableRef = useRef<HTMLTableSectionElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const countries = useAllCountryOptions();

  // Runs once the rows added or removed are rendered.
  useEffect(() => {
    const wanted = focusAfter.current;
    if (!wanted) return;
    focusAfter.current = null;
    const body = tableRef.current;
    if (wanted.kind === 'added') {
      const first = body?.rows[rows.length - 1]?.querySelector<HTMLElement>('input, select');
      first?.focus();
      return;
    }
    const buttons = body?.querySelectorAll<HTMLButtonElement>('button.row-remove') ?? [];
    const next = buttons[Math.min(wanted.index, buttons.length - 1)];
    if (next) next.focus();
    else addButton.current?.focus();
  }, [rows.length]);

  const full = rows.length >= field.maxRows;
  return (
    <div className={error ? 'table-field field--invalid' : 'table-field'}>
      <p className="field__label" id={labelId}>
        <FieldLabel field={field} />
      </p>
      <p className="field__hint" id={helpId}>
        {text.help(field)}
      </p>
      <p className="field__error" id={errorId} aria-live="polite">
        {error}
      </p>
      {rows.length === 0 ? (
        <p className="table-field__empty">{t('contributions.form.noRows')}</p>
      ) : (
        <table
          className="table table--edit"
          aria-labelledby={labelId}
          aria-describedby={error ? `${helpId} ${errorId}` : helpId}
        >
          <thead>
            <tr>
              {field.columns.map((column) => (
                <th key={column.id} scope="col">
                  {text.column(column.id)}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t('contributions.form.rowActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody ref={tableRef}>
            {rows.map((row, index) => (
              <tr key={row.id}>
                {field.columns.map((column) => (
                  <td key={column.id} data-label={text.column(column.id)}>
                    <CellInput
                      path={`${field.id}.${index}.${column.id}`}
                      column={column}
                      row={index}
                      control={control}
                      register={register}
                      countries={countries}
                      error={errorFor(`${field.id}.${index}.${column.id}`)}
                    />
                  </td>
                ))}
                <td className="table-field__actions">
                  <button
                    className="button button--secondary button--small row-remove"
                    type="button"
                    onClick={() => {
                      focusAfter.current = { kind: 'removed', index };
                      remove(index);
                    }}
                  >
                    {t('contributions.form.removeRow')}
                    <span className="visually-hidden">
                      {' '}
                      {t('contributions.form.removeRowWhich', { row: index + 1, table: label })}
                    </span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="button-row">
        <button
          ref={addButton}
          id={id}
          className="button button--secondary"
          type="button"
          disabled={full}
          aria-describedby={error ? errorId : undefined}
          onClick={() => {
            focusAfter.current = { kind: 'added' };
            append(emptyRow(field), { shouldFocus: false });
          }}
        >
          {t('contributions.form.addRow', { table: label })}
        </button>
        {full && <span>{t('contributions.form.tableFull', { max: field.maxRows })}</span>}
      </div>
    </div>
  );
}

interface CellInputProps {
  path: string;
  column: TableColumn;
  row: number;
  control: Control<FormValues>;
  register: UseFormRegister<FormValues>;
  countries: readonly ComboboxOption[];
  error: string | undefined;
}

/** One cell: a country picker, a list of choices, a number or a text, labelled with its column and row. */
function CellInput({ path, column, row, control, register, countries, error }: CellInputProps) {
  const { t } = useTranslation();
  const text = useTemplateText();
  const id = controlId(path);
  const label = t('contributions.form.cellLabel', { column: text.column(column.id), row: row + 1 });
  switch (column.type) {
    case 'country':
      return (
        <ComboboxController
          control={control}
          name={pathOf(path)}
          id={id}
          label={label}
          error={error}
          options={countries}
        />
      );
    case 'choice':
      return (
        <FormField id={id} label={label} error={error}>
          {(props) => (
            <select className="field__control" {...props} {...register(pathOf(path))}>
              <option value="">{t('contributions.form.choose')}</option>
              {(column.options ?? []).map((option) => (
                <option key={option} value={option}>
                  {text.option(column.id, option)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      );
    case 'count':
      return (
        <FormField id={id} label={label} error={error}>
          {(props) => <CountControl {...props} {...register(pathOf(path))} />}
        </FormField>
      );
    default:
      return (
        <FormField id={id} label={label} error={error}>
          {(props) => (
            <input
              className="field__control"
              type="text"
              autoComplete="off"
              {...props}
              {...register(pathOf(path))}
            />
          )}
        </FormField>
      );
  }
}

import type { FormEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import { FormField } from '../form/FormField.tsx';

/** The values of a filter form, by field name; a field left at "any" is undefined. */
export type FilterValues = Record<string, string | undefined>;

/** The address parameters of a list's filters: those set, in order. */
export function filterParams(filters: object): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (typeof value === 'string' && value !== '') params.set(name, value);
  }
  return params;
}

interface FilterFormProps {
  /** Names the search landmark. */
  label: string;
  applyLabel: string;
  clearLabel: string;
  /** The unfiltered list: "Clear" leads there while any filter is set. */
  clearTo: string;
  filtered: boolean;
  onApply: (values: FilterValues) => void;
  /** The FilterSelects. */
  children: ReactNode;
}

/**
 * A list's filters: a search landmark with a form of FilterSelects. "Apply" hands over what each
 * select shows; the page puts it in the address, so a filtered list can be bookmarked and shared.
 */
export function FilterForm({
  label,
  applyLabel,
  clearLabel,
  clearTo,
  filtered,
  onApply,
  children,
}: FilterFormProps) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values: FilterValues = {};
    for (const [name, entry] of new FormData(event.currentTarget)) {
      values[name] = typeof entry === 'string' && entry !== '' ? entry : undefined;
    }
    onApply(values);
  };
  return (
    <search className="filters" aria-label={label}>
      <form className="filters__form" onSubmit={submit}>
        {children}
        <div className="filters__actions">
          <button className="button" type="submit">
            {applyLabel}
          </button>
          {filtered && (
            <Link className="button button--secondary" to={clearTo}>
              {clearLabel}
            </Link>
          )}
        </div>
      </form>
    </search>
  );
}

interface FilterSelectProps {
  id: string;
  /** The form field's name, and the address parameter it fills. */
  name: string;
  label: string;
  /** The first choice, which sets no filter ("Any host country"). */
  anyLabel: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
}

/** One filter of a list: a labelled select whose first choice is "any". */
export function FilterSelect({ id, name, label, anyLabel, value, options }: FilterSelectProps) {
  return (
    <FormField id={id} label={label}>
      {(control) => (
        <select className="field__control" name={name} defaultValue={value ?? ''} {...control}>
          <option value="">{anyLabel}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

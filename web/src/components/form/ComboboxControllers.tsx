import type { ComponentProps } from 'react';
import { type Control, Controller, type FieldPath, type FieldValues } from 'react-hook-form';
import { ComboboxField, MultiComboboxField } from './Combobox.tsx';

/** What react-hook-form's Controller hands the field; the rest is the field's own. */
type Wired = 'value' | 'onChange' | 'onBlur' | 'inputRef';

type Controlled<T extends FieldValues, U, Props> = Omit<Props, Wired> & {
  /** The form's control, whatever its valid submission is transformed into (`U`). */
  control: Control<T, unknown, U>;
  name: FieldPath<T>;
};

/** A ComboboxField bound to one field of a react-hook-form form (its ref lets the form focus it). */
export function ComboboxController<T extends FieldValues, U = T>({
  control,
  name,
  ...props
}: Controlled<T, U, ComponentProps<typeof ComboboxField>>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <ComboboxField
          {...props}
          value={typeof field.value === 'string' ? field.value : ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          inputRef={field.ref}
        />
      )}
    />
  );
}

/** A MultiComboboxField bound to one list field of a react-hook-form form. */
export function MultiComboboxController<T extends FieldValues, U = T>({
  control,
  name,
  ...props
}: Controlled<T, U, ComponentProps<typeof MultiComboboxField>>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <MultiComboboxField
          {...props}
          value={Array.isArray(field.value) ? (field.value as string[]) : []}
          onChange={field.onChange}
          onBlur={field.onBlur}
          inputRef={field.ref}
        />
      )}
    />
  );
}

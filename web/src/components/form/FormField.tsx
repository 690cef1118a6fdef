import { type ReactNode, useId } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldNotes, fieldNoteIds, OptionalMarker } from './FieldNotes.tsx';

/** What a field hands its control so that assistive technology reads label, hint and error together. */
export interface FieldControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

export interface FormFieldProps {
  /** The control's id (also the target of error-summary links); generated when left out. */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The message to show beside the field; nothing is shown while undefined. */
  error?: string | undefined;
  /** Marks the label "(optional)": required is the norm, so only the exception is labelled. */
  optional?: boolean;
  /** Renders the control, spreading the props it receives onto it. */
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * One labelled form field: a visible label bound to the control, a hint and an error message both
 * referenced by aria-describedby, aria-invalid while in error. The error sits in a live region that
 * is always in the page, so a message appearing there is announced.
 */
export function FormField({ id, label, hint, error, optional = false, children }: FormFieldProps) {
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const { describedBy } = fieldNoteIds(controlId, hint, error);

  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={controlId}>
        {label}
        <OptionalMarker optional={optional} />
      </label>
      <FieldNotes id={controlId} hint={hint} error={error} />
      {children({
        id: controlId,
        'aria-describedby': describedBy,
        'aria-invalid': error ? true : undefined,
      })}
    </div>
  );
}

type ControlFieldProps = Omit<FormFieldProps, 'children'> & {
  /** The result of react-hook-form's `register(name)`: its ref lets the form focus the field. */
  registration: UseFormRegisterReturn;
};

export function InputField({
  registration,
  type = 'text',
  autoComplete,
  ...field
}: ControlFieldProps & { type?: 'text' | 'email' | 'tel' | 'date' | 'number'; autoComplete?: string }) {
  return (
    <FormField {...field}>
      {(control) => (
        <input
          className="field__control"
          type={type}
          autoComplete={autoComplete}
          {...control}
          {...registration}
        />
      )}
    </FormField>
  );
}

export function SelectField({
  registration,
  children,
  ...field
}: ControlFieldProps & { children: ReactNode }) {
  return (
    <FormField {...field}>
      {(control) => (
        <select className="field__control" {...control} {...registration}>
          {children}
        </select>
      )}
    </FormField>
  );
}

export function TextareaField({ registration, rows = 6, ...field }: ControlFieldProps & { rows?: number }) {
  return (
    <FormField {...field}>
      {(control) => (
        <textarea
          className="field__control field__control--textarea"
          rows={rows}
          {...control}
          {...registration}
        />
      )}
    </FormField>
  );
}

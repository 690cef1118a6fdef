import type { ReactNode } from 'react';
import type { Control, UseFormRegister, UseFormSetValue } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TemplateField } from '#shared/report-templates.ts';
import { FormField, type FormFieldProps } from '../../../components/form/FormField.tsx';
import { controlId, type FormValues } from '../utils/form-values.ts';
import { useTemplateText } from '../utils/template-texts.ts';

export interface TemplateFieldProps {
  field: TemplateField;
  control: Control<FormValues>;
  register: UseFormRegister<FormValues>;
  /** The message to show at a field or a cell (by form path), if any. */
  errorFor: (path: string) => string | undefined;
  /** The figure the network's records give for a field drawn from them (undefined for the others). */
  figureOf: (field: TemplateField) => number | undefined;
  setValue: UseFormSetValue<FormValues>;
}

/** react-hook-form's path types cannot follow ids built from data: the names are the template's own. */
export const pathOf = (path: string) => path as never;

/** The field's label, marked when the template requires it before submission. */
export function FieldLabel({ field, children }: { field: TemplateField; children?: ReactNode }) {
  const { t } = useTranslation();
  const text = useTemplateText();
  return (
    <>
      {children ?? text.label(field)}
      {field.requiredForSubmission && (
        <span className="field__required"> ({t('contributions.form.requiredMarker')})</span>
      )}
    </>
  );
}

/** A field of the template with its label, its help and its message, around the control it renders. */
export function TemplateFormField({
  field,
  errorFor,
  children,
}: Pick<TemplateFieldProps, 'field' | 'errorFor'> & { children: FormFieldProps['children'] }) {
  const text = useTemplateText();
  return (
    <FormField
      id={controlId(field.id)}
      label={<FieldLabel field={field} />}
      hint={text.help(field)}
      error={errorFor(field.id)}
    >
      {children}
    </FormField>
  );
}

import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/form/FormField.tsx';
import { formatNumber } from '../utils/display.ts';
import { controlId } from '../utils/form-values.ts';
import { useTemplateText } from '../utils/template-texts.ts';
import { pathOf, type TemplateFieldProps, TemplateFormField } from './TemplateFormField.tsx';

/** A typed count: a text input (a half-typed number is kept as typed), with the numeric keyboard. */
export function CountControl(props: ComponentProps<'input'>) {
  return (
    <input
      className="field__control field__control--count"
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      {...props}
    />
  );
}

export function CountInput({ field, register, errorFor, figureOf, setValue }: TemplateFieldProps) {
  const { t, i18n } = useTranslation();
  const text = useTemplateText();
  const figure = figureOf(field);
  const fromRecords = field.kind === 'count' ? field.fromRecords : undefined;
  if (fromRecords && !fromRecords.editable) {
    // Always the records' figure: shown, not asked (the server sets it on each save).
    return (
      <FormField
        id={controlId(field.id)}
        label={text.label(field)}
        hint={`${text.help(field)} ${t('contributions.form.computedFigure')}`}
      >
        {(props) => (
          <input
            className="field__control field__control--count"
            type="text"
            readOnly
            value={formatNumber(figure ?? 0, i18n.language)}
            {...props}
          />
        )}
      </FormField>
    );
  }
  const shownFigure = figure === undefined ? undefined : formatNumber(figure, i18n.language);
  const figureNoteId = `${controlId(field.id)}-records`;
  return (
    <TemplateFormField field={field} errorFor={errorFor}>
      {(props) => (
        <>
          <CountControl
            {...props}
            aria-describedby={[props['aria-describedby'], shownFigure && figureNoteId]
              .filter(Boolean)
              .join(' ')}
            {...register(pathOf(field.id))}
          />
          {shownFigure !== undefined && (
            <p className="field__hint field__hint--after" id={figureNoteId}>
              {t('contributions.form.recordsGive', { figure: shownFigure })}{' '}
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() =>
                  setValue(pathOf(field.id), String(figure) as never, {
                    shouldDirty: true,
                    shouldTouch: true,
                  })
                }
              >
                {t('contributions.form.useRecordsFigure', { figure: shownFigure })}
              </button>
            </p>
          )}
        </>
      )}
    </TemplateFormField>
  );
}

import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldNotes, fieldNoteIds, OptionalMarker } from './FieldNotes.tsx';

export interface Choice {
  value: string;
  label: ReactNode;
  /** A longer explanation, read with the choice (aria-describedby). */
  hint?: ReactNode;
}

interface ChoiceGroupProps {
  /** Prefix of the inputs' ids; the first input's id is `${id}-${first value}` (the error summary links there). */
  id: string;
  type: 'checkbox' | 'radio';
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  choices: readonly Choice[];
  /** react-hook-form's `register(name)`, shared by every input of the group. */
  registration: UseFormRegisterReturn;
}

/** The id of one input of a choice group. */
export function choiceId(groupId: string, value: string): string {
  return `${groupId}-${value}`;
}

/**
 * A group of checkboxes or radio buttons: a fieldset whose legend names the question, the hint and
 * the error tied to it with aria-describedby, and each choice labelled, with its own hint if any.
 */
export function ChoiceGroup({
  id,
  type,
  legend,
  hint,
  error,
  optional = false,
  choices,
  registration,
}: ChoiceGroupProps) {
  const { describedBy } = fieldNoteIds(id, hint, error);
  return (
    <fieldset
      className={error ? 'field choice-group field--invalid' : 'field choice-group'}
      aria-describedby={describedBy}
    >
      <legend className="field__label choice-group__legend">
        {legend}
        <OptionalMarker optional={optional} />
      </legend>
      <FieldNotes id={id} hint={hint} error={error} />
      <div className={type === 'radio' ? 'choices choices--inline' : 'choices'}>
        {choices.map((choice) => {
          const inputId = choiceId(id, choice.value);
          const choiceHintId = `${inputId}-hint`;
          return (
            <div className="choice" key={choice.value}>
              <input
                className="choice__input"
                id={inputId}
                type={type}
                value={choice.value}
                aria-describedby={choice.hint ? choiceHintId : undefined}
                aria-invalid={error ? true : undefined}
                {...registration}
              />
              <label className="choice__label" htmlFor={inputId}>
                {choice.label}
              </label>
              {choice.hint && (
                <p className="choice__hint" id={choiceHintId}>
                  {choice.hint}
                </p>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

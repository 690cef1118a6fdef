import { type MouseEvent, useEffect, useId, useRef } from 'react';

export interface FormProblem {
  text: string;
  /** The id of the field the problem is about, to link to it; absent for problems of the whole form. */
  fieldId?: string;
}

interface FormErrorSummaryProps {
  title: string;
  problems: readonly FormProblem[];
  /**
   * Take focus on appearing (the default). A form that moves focus to its first field in error itself
   * passes false: the summary, an alert, is still announced.
   */
  takeFocus?: boolean;
}

/**
 * The problems a submission ran into, at the top of the form. It takes focus when it appears (give it
 * a new `key` for each new failure) so that keyboard and screen reader users learn of them at once.
 */
export function FormErrorSummary({ title, problems, takeFocus = true }: FormErrorSummaryProps) {
  const titleId = useId();
  const summary = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus once, when the summary appears.
  useEffect(() => {
    if (takeFocus) summary.current?.focus();
  }, []);

  const focusField = (event: MouseEvent<HTMLAnchorElement>, fieldId: string) => {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    field.focus();
  };

  return (
    <div className="error-summary" ref={summary} tabIndex={-1} role="alert" aria-labelledby={titleId}>
      <h2 className="error-summary__title" id={titleId}>
        {title}
      </h2>
      <ul className="error-summary__list">
        {problems.map(({ text, fieldId }) => (
          <li key={`${fieldId ?? ''}:${text}`}>
            {fieldId ? (
              <a href={`#${fieldId}`} onClick={(event) => focusField(event, fieldId)}>
                {text}
              </a>
            ) : (
              text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

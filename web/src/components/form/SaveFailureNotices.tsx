import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary, type FormProblem } from './FormErrorSummary.tsx';
import type { SaveFailure } from './use-save-failure.ts';

/** The problems of an invalid submission: those of the whole form first, then each field in error. */
export function problemsOfFields<F extends string>(
  general: readonly FormProblem[],
  inError: readonly F[],
  message: (field: F) => string | undefined,
  controlId: (field: F) => string,
): FormProblem[] {
  return [...general, ...inError.map((field) => ({ text: message(field) ?? '', fieldId: controlId(field) }))];
}

/**
 * A refused save's summary above the form: an invalid one lists the problems (focus goes to the first
 * field in error, not here); any other failure is said in one line and takes focus.
 */
export function SaveFailureSummary({
  failure,
  failedTitle,
  problems,
}: {
  failure: SaveFailure | null;
  /** The title of a failure that is not about the fields ("Not saved"). */
  failedTitle: string;
  problems: readonly FormProblem[];
}) {
  const { t } = useTranslation();
  if (failure?.kind === 'other') {
    return (
      <FormErrorSummary key={failure.attempt} title={failedTitle} problems={[{ text: failure.message }]} />
    );
  }
  if (failure?.kind === 'invalid' && problems.length > 0) {
    return (
      <FormErrorSummary
        key={failure.attempt}
        title={t('form.errorSummaryTitle')}
        problems={problems}
        takeFocus={false}
      />
    );
  }
  return null;
}

/** A save refused because the thing can no longer change: the server's reason, then what to do. */
export function LockedNotice({
  title,
  message,
  children,
}: {
  title: string;
  message: string;
  children: ReactNode;
}) {
  return (
    <div className="notice notice--error" role="alert">
      <h2 className="notice__title">{title}</h2>
      <p>{message}</p>
      {children}
    </div>
  );
}

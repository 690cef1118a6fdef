import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The ids of a field's hint and error, and the aria-describedby that reads whichever are shown. */
export function fieldNoteIds(id: string, hint: unknown, error: unknown) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(' ');
  return { hintId, errorId, describedBy: describedBy || undefined };
}

/**
 * A field's hint and error message, under its label or legend. The error sits in a live region that
 * is always in the page, so a message appearing there is announced.
 */
export function FieldNotes({ id, hint, error }: { id: string; hint?: ReactNode; error?: ReactNode }) {
  const { hintId, errorId } = fieldNoteIds(id, hint, error);
  return (
    <>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <p className="field__error" id={errorId} aria-live="polite">
        {error}
      </p>
    </>
  );
}

/** "(optional)" after a label: required is the norm, so only the exception is labelled. */
export function OptionalMarker({ optional }: { optional: boolean }) {
  const { t } = useTranslation();
  return optional ? <span className="field__optional"> ({t('form.optional')})</span> : null;
}

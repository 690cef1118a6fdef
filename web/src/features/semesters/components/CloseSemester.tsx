import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { semesterDetailSchema } from '#shared/contributions.ts';
import { semester } from '#shared/semesters.ts';
import { Dialog } from '../../../components/ui/Dialog.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { formatCalendarDate } from '../../../lib/dates.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
import { useCloseSemester } from '../api/semesters.ts';

type SemesterDetail = z.infer<typeof semesterDetailSchema>;

/**
 * "Close the semester", for the Commission's administrators: after a confirmation that says what
 * closing does. Before the semester's end it also asks, explicitly, to close early (`force`).
 */
export function CloseSemester({ detail, onClosed }: { detail: SemesterDetail; onClosed: () => void }) {
  const { t, i18n } = useTranslation();
  const describeError = useErrorMessage();
  const close = useCloseSemester(detail.id);
  const [open, setOpen] = useState(false);
  const [early, setEarly] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const earlyBox = useRef<HTMLInputElement>(null);
  const earlyId = useId();
  const errorId = useId();
  const { end, endsAt } = semester(detail.id);
  const beforeEnd = Date.now() < Date.parse(endsAt);
  const endDate = formatCalendarDate(end, i18n.language);

  const confirm = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (beforeEnd && !early) {
      setError(t('semesters.close.earlyRequired', { date: endDate }));
      earlyBox.current?.focus();
      return;
    }
    setError(undefined);
    try {
      await close.mutateAsync(beforeEnd);
      setOpen(false);
      onClosed();
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.code === 'semester_not_ended'
          ? t('semesters.close.notEnded', { date: endDate })
          : describeError(failure),
      );
    }
  };

  const busy = close.isPending;
  return (
    <section className="actions" aria-labelledby="close-semester-title">
      <h2 className="section-title" id="close-semester-title">
        {t('semesters.close.heading')}
      </h2>
      <p>
        {beforeEnd
          ? t('semesters.close.introBeforeEnd', { date: endDate })
          : t('semesters.close.introEnded', { date: endDate })}
      </p>
      <div className="button-row">
        <button
          className="button button--secondary"
          type="button"
          onClick={() => {
            setEarly(false);
            setError(undefined);
            setOpen(true);
          }}
        >
          {t('semesters.close.button')}
        </button>
      </div>

      <Dialog
        open={open}
        title={t('semesters.close.title', { id: detail.id })}
        onClose={() => {
          if (!busy) setOpen(false);
        }}
      >
        <form noValidate onSubmit={(event) => void confirm(event)}>
          <p>{t('semesters.close.body')}</p>
          {beforeEnd && (
            <div className={error ? 'field field--invalid' : 'field'}>
              <p className="field__error" id={errorId} aria-live="polite">
                {error}
              </p>
              <div className="choice">
                <input
                  ref={earlyBox}
                  className="choice__input"
                  id={earlyId}
                  type="checkbox"
                  checked={early}
                  disabled={busy}
                  data-autofocus
                  aria-describedby={error ? errorId : undefined}
                  aria-invalid={error ? true : undefined}
                  onChange={(event) => setEarly(event.target.checked)}
                />
                <label className="choice__label" htmlFor={earlyId}>
                  {t('semesters.close.early', { date: endDate })}
                </label>
              </div>
            </div>
          )}
          {!beforeEnd && error && (
            <p className="field__error" role="alert">
              {error}
            </p>
          )}
          {busy && <LoadingState label={t('semesters.close.working')} />}
          <div className="button-row">
            <button
              className="button button--danger"
              type="submit"
              disabled={busy}
              data-autofocus={beforeEnd ? undefined : true}
            >
              {busy ? t('semesters.close.working') : t('semesters.close.confirm')}
            </button>
            <button
              className="button button--secondary"
              type="button"
              disabled={busy}
              onClick={() => setOpen(false)}
            >
              {t('semesters.close.cancel')}
            </button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}

import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { semester } from '#shared/semesters.ts';
import { Dialog } from '../../../components/ui/Dialog.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { formatCalendarDate } from '../../../lib/dates.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
import { useCloseSemesterForReports } from '../api/reports.ts';

/**
 * "Close the semester", for the Commission's administrators, on the reports page: closing is what
 * generates the reports. A confirmation says what closing does; before the semester's end it also
 * asks, explicitly, to close early (sent as `force`).
 */
export function CloseSemesterAction({ semesterId, onClosed }: { semesterId: string; onClosed: () => void }) {
  const { t, i18n } = useTranslation();
  const describeError = useErrorMessage();
  const close = useCloseSemesterForReports(semesterId);
  const [open, setOpen] = useState(false);
  const [early, setEarly] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const earlyBox = useRef<HTMLInputElement>(null);
  const earlyId = useId();
  const errorId = useId();
  const headingId = useId();
  const { end, endsAt } = semester(semesterId);
  const beforeEnd = Date.now() < Date.parse(endsAt);
  const endDate = formatCalendarDate(end, i18n.language);
  const busy = close.isPending;

  const confirm = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (beforeEnd && !early) {
      setError(t('reports.close.earlyRequired', { date: endDate }));
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
          ? t('reports.close.notEnded', { date: endDate })
          : describeError(failure),
      );
    }
  };

  return (
    <section className="actions" aria-labelledby={headingId}>
      <h2 className="section-title" id={headingId}>
        {t('reports.close.heading')}
      </h2>
      <p>
        {beforeEnd
          ? t('reports.close.introBeforeEnd', { date: endDate })
          : t('reports.close.introEnded', { date: endDate })}
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
          {t('reports.close.button')}
        </button>
      </div>

      <Dialog
        open={open}
        title={t('reports.close.title', { id: semesterId })}
        onClose={() => {
          if (!busy) setOpen(false);
        }}
      >
        <form noValidate onSubmit={(event) => void confirm(event)}>
          <p>{t('reports.close.body')}</p>
          <p>{t('reports.close.generation')}</p>
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
                  {t('reports.close.early', { date: endDate })}
                </label>
              </div>
            </div>
          )}
          {!beforeEnd && error && (
            <p className="field__error" role="alert">
              {error}
            </p>
          )}
          {busy && <LoadingState label={t('reports.close.working')} />}
          <div className="button-row">
            <button
              className="button button--danger"
              type="submit"
              disabled={busy}
              data-autofocus={beforeEnd ? undefined : true}
            >
              {busy ? t('reports.close.working') : t('reports.close.confirm')}
            </button>
            <button
              className="button button--secondary"
              type="button"
              disabled={busy}
              onClick={() => setOpen(false)}
            >
              {t('reports.close.cancel')}
            </button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}

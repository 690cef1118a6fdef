import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { semester } from '#shared/semesters.ts';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { LoadingState } from '../../components/ui/LoadingState.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { formatCalendarDate } from '../../lib/dates.ts';
import { useErrorMessage } from '../../lib/error-message.ts';

export interface CloseSemesterPanelProps {
  semesterId: string;
  /** The feature's own mutation: closes the semester (`force` before its end) and updates its caches. */
  close: { mutateAsync: (force: boolean) => Promise<unknown>; isPending: boolean };
  onClosed: () => void;
  /** A further paragraph of the confirmation, for what closing means on the page that offers it. */
  note?: ReactNode;
}

/**
 * "Close the semester", for the Commission's administrators, on the semester page and on the reports
 * page alike: a confirmation says what closing does; before the semester's end it also asks,
 * explicitly, to close early (sent as `force`).
 */
export function CloseSemesterPanel({ semesterId, close, onClosed, note }: CloseSemesterPanelProps) {
  const { t, i18n } = useTranslation();
  const describeError = useErrorMessage();
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
      setError(t('closeSemester.earlyRequired', { date: endDate }));
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
          ? t('closeSemester.notEnded', { date: endDate })
          : describeError(failure),
      );
    }
  };

  return (
    <section className="actions" aria-labelledby={headingId}>
      <h2 className="section-title" id={headingId}>
        {t('closeSemester.heading')}
      </h2>
      <p>
        {beforeEnd
          ? t('closeSemester.introBeforeEnd', { date: endDate })
          : t('closeSemester.introEnded', { date: endDate })}
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
          {t('closeSemester.button')}
        </button>
      </div>

      <Dialog
        open={open}
        title={t('closeSemester.title', { id: semesterId })}
        onClose={() => {
          if (!busy) setOpen(false);
        }}
      >
        <form noValidate onSubmit={(event) => void confirm(event)}>
          <p>{t('closeSemester.body')}</p>
          {note && <p>{note}</p>}
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
                  {t('closeSemester.early', { date: endDate })}
                </label>
              </div>
            </div>
          )}
          {!beforeEnd && error && (
            <p className="field__error" role="alert">
              {error}
            </p>
          )}
          {busy && <LoadingState label={t('closeSemester.working')} />}
          <div className="button-row">
            <button
              className="button button--danger"
              type="submit"
              disabled={busy}
              data-autofocus={beforeEnd ? undefined : true}
            >
              {busy ? t('closeSemester.working') : t('closeSemester.confirm')}
            </button>
            <button
              className="button button--secondary"
              type="button"
              disabled={busy}
              onClick={() => setOpen(false)}
            >
              {t('closeSemester.cancel')}
            </button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}

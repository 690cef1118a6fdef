import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { endSecondmentSchema, type Secondment } from '#shared/secondments.ts';
import { brusselsDate } from '#shared/semesters.ts';
import { FormField } from '../../../components/form/FormField.tsx';
import { Dialog } from '../../../components/ui/Dialog.tsx';
import type { Outcome as ActionOutcome } from '../../../components/ui/Outcome.tsx';
import { Section } from '../../../components/ui/Section.tsx';
import { editSecondmentPath } from '../../../config/paths.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { formatCalendarDate } from '../../../lib/dates.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
import { type SecondmentTransition, useSecondmentTransition } from '../api/secondments.ts';

export type { Outcome as ActionOutcome } from '../../../components/ui/Outcome.tsx';

type Open = 'notify' | 'end' | 'withdraw' | null;

/**
 * The actions the server allows the person now (`allowed`), and only those: edit (or amend), notify,
 * end, withdraw. Notify and withdraw ask for confirmation; end asks for the end date.
 */
export function SecondmentActions({
  secondment,
  onOutcome,
}: {
  secondment: Secondment;
  onOutcome: (outcome: ActionOutcome) => void;
}) {
  const { t, i18n } = useTranslation();
  const describeError = useErrorMessage();
  const transition = useSecondmentTransition(secondment.id);
  const [open, setOpen] = useState<Open>(null);
  const [endDate, setEndDate] = useState(secondment.endDate ?? '');
  const [endError, setEndError] = useState<string | undefined>(undefined);
  const { allowed } = secondment;
  if (allowed.length === 0) return null;

  const run = async (request: SecondmentTransition) => {
    try {
      await transition.mutateAsync(request);
      setOpen(null);
      onOutcome({ kind: 'done', message: t(`secondments.actions.${request.action}.done`) });
    } catch (error) {
      // A wrong end date is for the dialog's field; every other refusal closes the dialog and is explained on the page.
      if (request.action === 'end' && error instanceof ApiError && error.fields.endDate) {
        setEndError(error.fields.endDate);
        return;
      }
      setOpen(null);
      let message = describeError(error);
      if (error instanceof ApiError && error.code === 'stale_version')
        message = t('secondments.actions.stale');
      onOutcome({ kind: 'failed', title: t(`secondments.actions.${request.action}.failed`), message });
    }
  };

  const submitEnd = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The shared schema checks the date; that it is not before the start is the server's rule, repeated here to say so at once.
    const parsed = endSecondmentSchema.safeParse({ version: secondment.version, endDate });
    if (!parsed.success) {
      setEndError(t('secondments.actions.end.invalid'));
      return;
    }
    if (endDate < secondment.startDate) {
      setEndError(
        t('secondments.actions.end.beforeStart', {
          date: formatCalendarDate(secondment.startDate, i18n.language),
        }),
      );
      return;
    }
    setEndError(undefined);
    void run({ action: 'end', version: secondment.version, endDate });
  };

  const busy = transition.isPending;
  const isDraft = secondment.status === 'draft';

  return (
    <Section
      id="secondment-actions"
      title={t('secondments.actions.heading')}
      className="actions"
      headingClassName="visually-hidden"
    >
      <div className="button-row">
        {allowed.includes('notify') && (
          <button className="button" type="button" onClick={() => setOpen('notify')}>
            {t('secondments.actions.notify.button')}
          </button>
        )}
        {allowed.includes('edit') && (
          <Link className="button button--secondary" to={editSecondmentPath(secondment.id)}>
            {isDraft ? t('secondments.actions.edit') : t('secondments.actions.amend')}
          </Link>
        )}
        {allowed.includes('end') && (
          <button
            className="button button--secondary"
            type="button"
            onClick={() => {
              setEndError(undefined);
              setOpen('end');
            }}
          >
            {t('secondments.actions.end.button')}
          </button>
        )}
        {allowed.includes('withdraw') && (
          <button className="button button--secondary" type="button" onClick={() => setOpen('withdraw')}>
            {t('secondments.actions.withdraw.button')}
          </button>
        )}
      </div>

      <Dialog
        open={open === 'notify'}
        title={t('secondments.actions.notify.title')}
        onClose={() => setOpen(null)}
      >
        <p>{t('secondments.actions.notify.body')}</p>
        <p>
          {secondment.startDate > brusselsDate(new Date())
            ? t('secondments.actions.notify.planned', {
                date: formatCalendarDate(secondment.startDate, i18n.language),
              })
            : t('secondments.actions.notify.active')}
        </p>
        <div className="button-row">
          <button
            className="button"
            type="button"
            data-autofocus
            disabled={busy}
            onClick={() => void run({ action: 'notify', version: secondment.version })}
          >
            {busy ? t('secondments.actions.working') : t('secondments.actions.notify.confirm')}
          </button>
          <button className="button button--secondary" type="button" onClick={() => setOpen(null)}>
            {t('secondments.actions.cancel')}
          </button>
        </div>
      </Dialog>

      <Dialog open={open === 'end'} title={t('secondments.actions.end.title')} onClose={() => setOpen(null)}>
        <form noValidate onSubmit={submitEnd}>
          <p>{t('secondments.actions.end.body')}</p>
          <FormField
            id="end-secondment-date"
            label={t('secondments.actions.end.date')}
            hint={t('secondments.actions.end.hint')}
            error={endError}
          >
            {(control) => (
              <input
                className="field__control"
                type="date"
                data-autofocus
                value={endDate}
                min={secondment.startDate}
                onChange={(event) => setEndDate(event.target.value)}
                {...control}
              />
            )}
          </FormField>
          <div className="button-row">
            <button className="button" type="submit" disabled={busy}>
              {busy ? t('secondments.actions.working') : t('secondments.actions.end.confirm')}
            </button>
            <button className="button button--secondary" type="button" onClick={() => setOpen(null)}>
              {t('secondments.actions.cancel')}
            </button>
          </div>
        </form>
      </Dialog>

      <Dialog
        open={open === 'withdraw'}
        title={t('secondments.actions.withdraw.title')}
        onClose={() => setOpen(null)}
      >
        <p>{t('secondments.actions.withdraw.body')}</p>
        <div className="button-row">
          <button
            className="button button--secondary"
            type="button"
            data-autofocus
            onClick={() => setOpen(null)}
          >
            {t('secondments.actions.cancel')}
          </button>
          <button
            className="button button--danger"
            type="button"
            disabled={busy}
            onClick={() => void run({ action: 'withdraw', version: secondment.version })}
          >
            {busy ? t('secondments.actions.working') : t('secondments.actions.withdraw.confirm')}
          </button>
        </div>
      </Dialog>
    </Section>
  );
}

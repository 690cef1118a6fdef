import { useTranslation } from 'react-i18next';
import { ConfirmButtons } from '../../../components/form/ConfirmButtons.tsx';
import { Dialog } from '../../../components/ui/Dialog.tsx';
import type { Outcome } from '../../../components/ui/Outcome.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
import { type Person, type PersonStatusAction, usePersonStatusAction } from '../api/people.ts';

/** What a refused disable or enable tells the person, in the UI language where the page knows the reason. */
function useRefusal() {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  return (error: unknown): string => {
    if (!(error instanceof ApiError)) return describeError(error);
    if (error.code === 'stale_version') return t('people.staleAction');
    if (error.code === 'last_coordinator') return t('people.form.lastCoordinator');
    if (error.status === 403) return t('people.errors.forbidden');
    return describeError(error);
  };
}

/** Confirms disabling (the person is out from their next request) or enabling a person. */
export function PersonStatusDialog({
  open,
  action,
  person,
  onClose,
  onOutcome,
}: {
  open: boolean;
  action: PersonStatusAction;
  person: Person | undefined;
  onClose: () => void;
  onOutcome: (outcome: Outcome) => void;
}) {
  const { t } = useTranslation();
  const change = usePersonStatusAction();
  const refusal = useRefusal();
  const name = person?.name ?? '';

  const confirm = async () => {
    if (!person) return;
    try {
      await change.mutateAsync({ action, person });
      onOutcome({ kind: 'done', message: t(`people.${action}.done`, { name }) });
    } catch (error) {
      onOutcome({ kind: 'failed', title: t(`people.${action}.failed`, { name }), message: refusal(error) });
    }
  };

  return (
    <Dialog open={open} title={t(`people.${action}.title`, { name })} onClose={onClose}>
      <p>{t(`people.${action}.body`, { name })}</p>
      <ConfirmButtons
        confirmLabel={change.isPending ? t('people.form.working') : t(`people.${action}.confirm`)}
        cancelLabel={t('people.form.cancel')}
        onConfirm={() => void confirm()}
        onCancel={onClose}
        busy={change.isPending}
      />
    </Dialog>
  );
}

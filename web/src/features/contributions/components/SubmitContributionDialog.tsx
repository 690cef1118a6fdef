import { useTranslation } from 'react-i18next';
import { ConfirmButtons } from '../../../components/form/ConfirmButtons.tsx';
import { Dialog } from '../../../components/ui/Dialog.tsx';

interface SubmitContributionDialogProps {
  open: boolean;
  submitting: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  onClose: () => void;
}

/** Asks before submitting: once submitted, the contribution can no longer be changed. */
export function SubmitContributionDialog({
  open,
  submitting,
  onSubmit,
  onCancel,
  onClose,
}: SubmitContributionDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('contributions.submit.title')} onClose={onClose}>
      <p>{t('contributions.submit.body')}</p>
      {submitting && <p role="status">{t('contributions.submit.working')}</p>}
      <ConfirmButtons
        confirmLabel={submitting ? t('contributions.submit.working') : t('contributions.submit.confirm')}
        cancelLabel={t('contributions.submit.cancel')}
        onConfirm={onSubmit}
        onCancel={onCancel}
        busy={submitting}
      />
    </Dialog>
  );
}

import { useTranslation } from 'react-i18next';
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
      <div className="button-row">
        <button className="button" type="button" data-autofocus disabled={submitting} onClick={onSubmit}>
          {submitting ? t('contributions.submit.working') : t('contributions.submit.confirm')}
        </button>
        <button className="button button--secondary" type="button" disabled={submitting} onClick={onCancel}>
          {t('contributions.submit.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

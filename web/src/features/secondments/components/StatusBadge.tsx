import { useTranslation } from 'react-i18next';
import type { Secondment } from '#shared/secondments.ts';

/**
 * Where a secondment stands, in words: "Draft", "Notified · planned", "Notified · active",
 * "End notified · active" (an end date still ahead), "Ended", "Withdrawn".
 */
export function StatusBadge({ status, phase }: Pick<Secondment, 'status' | 'phase'>) {
  const { t } = useTranslation();
  let text: string;
  if (status === 'notified' && phase) {
    text = t('secondments.statusWithPhase', {
      status: t('secondments.status.notified'),
      phase: t(`secondments.phase.${phase}`),
    });
  } else if (status === 'ended' && phase && phase !== 'ended') {
    text = t('secondments.statusWithPhase', {
      status: t('secondments.status.endNotified'),
      phase: t(`secondments.phase.${phase}`),
    });
  } else {
    text = t(`secondments.status.${status}`);
  }
  return <span className={`status status--${status}`}>{text}</span>;
}

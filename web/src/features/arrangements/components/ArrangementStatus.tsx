import { useTranslation } from 'react-i18next';
import type { Arrangement } from '../api/arrangements.ts';

/** Where an arrangement stands: "Proposed · 1 of 3 accepted", "In effect", "Withdrawn". */
export function ArrangementStatus({
  arrangement,
}: {
  arrangement: Pick<Arrangement, 'status' | 'acceptedBy' | 'parties'>;
}) {
  const { t } = useTranslation();
  const { status, acceptedBy, parties } = arrangement;
  const text =
    status === 'proposed'
      ? t('arrangements.status.proposedCount', { accepted: acceptedBy.length, count: parties.length })
      : t(`arrangements.status.${status}`);
  return <span className={`status status--arrangement-${status}`}>{text}</span>;
}

import { useTranslation } from 'react-i18next';
import { CloseSemesterPanel } from '../../../components/semester/CloseSemesterPanel.tsx';
import { useCloseSemesterForReports } from '../api/reports.ts';

/** The close on the reports page, where closing is what generates the reports. */
export function CloseSemesterAction({ semesterId, onClosed }: { semesterId: string; onClosed: () => void }) {
  const { t } = useTranslation();
  const close = useCloseSemesterForReports(semesterId);
  return (
    <CloseSemesterPanel
      semesterId={semesterId}
      close={close}
      onClosed={onClosed}
      note={t('reports.closeGeneration')}
    />
  );
}

import { useTranslation } from 'react-i18next';

/** "Generated" (a draft for the drafting state to finalise) or "Finalised". */
export function ReportStatus({ status }: { status: 'generated' | 'finalised' }) {
  const { t } = useTranslation();
  return <span className={`status status--report-${status}`}>{t(`reports.status.${status}`)}</span>;
}

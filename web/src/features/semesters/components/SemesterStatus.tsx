import { useTranslation } from 'react-i18next';
import type { SemesterPhase } from '../utils/phase.ts';

/** "Open", "Not started", "Ended, not closed yet", "Closed". */
export function SemesterStatus({ phase }: { phase: SemesterPhase }) {
  const { t } = useTranslation();
  return <span className={`status status--semester-${phase}`}>{t(`semesters.phases.${phase}`)}</span>;
}

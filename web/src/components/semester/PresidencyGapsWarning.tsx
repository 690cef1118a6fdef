import { useTranslation } from 'react-i18next';
import { useSignedInReference } from '../../lib/reference.ts';

/**
 * The warning that the Presidency calendar runs out: the current or a coming semester (12 months
 * ahead) has no Presidency, so its networks would fall back to the "most ILOs" rule. On the dashboard
 * and the semester list; nothing while the calendar covers the year ahead.
 */
export function PresidencyGapsWarning() {
  const { t } = useTranslation();
  const gaps = useSignedInReference().presidencyGaps;
  if (gaps.length === 0) return null;
  return (
    <div className="notice notice--error" role="status">
      <p className="notice__title">{t('presidency.gaps.title', { count: gaps.length })}</p>
      <p>{t('presidency.gaps.body', { semesters: gaps.join(', '), count: gaps.length })}</p>
    </div>
  );
}

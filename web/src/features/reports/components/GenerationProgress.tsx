import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportList } from '../api/reports.ts';

/**
 * How far the generation after the close has got: a progress bar and a sentence in a live region, so
 * that "3 of 12 ready" and then "All 12 reports are ready" are announced as they change. The list is
 * read again meanwhile (api/reports.ts); nothing here needs the person to reload.
 */
export function GenerationProgress({ progress }: { progress: ReportList['progress'] }) {
  const { t } = useTranslation();
  const barId = useId();
  const headingId = useId();
  const { expected, generated } = progress;
  const complete = generated >= expected;
  return (
    <section className="report-progress" aria-labelledby={headingId}>
      <h2 className="section-title" id={headingId}>
        {t('reports.progress.heading')}
      </h2>
      <label className="report-progress__label" htmlFor={barId}>
        {t('reports.progress.label')}
      </label>
      <progress className="report-progress__bar" id={barId} max={Math.max(expected, 1)} value={generated}>
        {t('reports.progress.generating', { generated, count: expected })}
      </progress>
      <p className="report-progress__status" role="status">
        {complete
          ? t('reports.progress.complete', { count: expected })
          : t('reports.progress.generating', { generated, count: expected })}
      </p>
      {!complete && <p className="report-progress__hint">{t('reports.progress.hint')}</p>}
    </section>
  );
}

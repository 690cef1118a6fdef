import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../../lib/dates.ts';
import { countryName } from '../../../lib/display-names.ts';
import type { CurrentSemester } from '../utils/current-semester.ts';

export function CurrentSemesterSummary({ semester }: { semester: CurrentSemester }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const { language } = i18n;
  const semesterLabel =
    semester.half === 1
      ? t('dashboard.semesterHalf1', { id: semester.id, year: semester.year })
      : t('dashboard.semesterHalf2', { id: semester.id, year: semester.year });

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 className="card__title" id={headingId}>
        {t('dashboard.currentSemester')}
      </h2>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('dashboard.semester')}</dt>
          <dd>{semesterLabel}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('dashboard.period')}</dt>
          <dd>
            {t('dashboard.dateRange', {
              start: formatCalendarDate(semester.start, language),
              end: formatCalendarDate(semester.end, language),
            })}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('dashboard.presidency')}</dt>
          <dd>
            {semester.presidency
              ? countryName(semester.presidency, language)
              : t('dashboard.presidencyUnknown')}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('dashboard.timeLeft')}</dt>
          <dd>{t('dashboard.daysLeft', { count: semester.daysLeft })}</dd>
        </div>
      </dl>
    </section>
  );
}

import { useId, useState } from 'react';
import { type Control, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ReportTemplate } from '#shared/report-templates.ts';
import { type FormValues, flatValuesOfForm } from '../utils/form-values.ts';
import { sectionStatesOf } from '../utils/section-states.ts';
import { SectionList } from './SectionList.tsx';

interface SectionNavigatorProps {
  template: ReportTemplate;
  control: Control<FormValues>;
  /** The fields with an entry to correct (not valid yet, or refused at submission). */
  fieldsWithProblems: ReadonlySet<string>;
}

/**
 * The form's sections, always in sight: a side list on wide screens, a bar that opens the list on
 * narrow ones. Each section says where it stands (nothing entered, started, complete, to correct), so
 * a person sees what remains without scrolling 17 sections. Only this list re-renders as one types.
 */
export function SectionNavigator({ template, control, fieldsWithProblems }: SectionNavigatorProps) {
  const { t } = useTranslation();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const values = flatValuesOfForm(template, useWatch({ control }) as FormValues);
  const states = sectionStatesOf(template, values, fieldsWithProblems);
  const complete = [...states.values()].filter((state) => state === 'complete').length;
  const toCorrect = [...states.values()].filter((state) => state === 'toCorrect').length;
  const progress = [
    t('contributions.form.sectionsComplete', { count: complete, total: states.size }),
    ...(toCorrect > 0 ? [t('contributions.form.sectionsToCorrect', { count: toCorrect })] : []),
  ].join(' · ');

  return (
    <nav className="section-navigator" aria-labelledby={`${listId}-title`} data-open={open}>
      <h2 className="section-navigator__title" id={`${listId}-title`}>
        {t('contributions.form.contents')}
      </h2>
      <button
        type="button"
        className="section-navigator__toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((was) => !was)}
      >
        {t('contributions.form.contents')}: {progress}
      </button>
      <p className="section-navigator__progress" aria-live="polite">
        {progress}
      </p>
      <div className="section-navigator__list" id={listId}>
        <SectionList
          template={template}
          titled={false}
          stateOf={(id) => states.get(id) ?? 'empty'}
          onFollow={() => setOpen(false)}
        />
      </div>
    </nav>
  );
}

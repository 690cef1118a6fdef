import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportTemplate, TemplateField } from '#shared/report-templates.ts';
import { partsOf } from '../utils/form-values.ts';
import { useTemplateText } from '../utils/template-texts.ts';
import { NetworkRecords } from './NetworkRecords.tsx';
import { SectionList, sectionAnchor, standalone } from './SectionList.tsx';
import { TemplateFieldInput, type TemplateFieldProps } from './TemplateFields.tsx';

interface TemplateSectionsProps {
  template: ReportTemplate;
  /** The network's records, by source (`meetings`, ...), shown read-only in the sections they feed. */
  records: Record<string, readonly unknown[]>;
  /** Editable: what each field's control needs. */
  fields?: Omit<TemplateFieldProps, 'field'>;
  /** Read-only: how to show each field's value. */
  renderValue?: (field: TemplateField) => ReactNode;
  /** A list of the sections that stays in sight beside them (the form's, with each section's state). */
  navigator?: ReactNode;
}

/**
 * The template, part by part and section by section, generated from its data: headings, the records
 * a section draws on, and each field, editable or read-only. A list of the sections comes first, to
 * jump to one in a long form (the form's own navigator instead, when given).
 */
export function TemplateSections({
  template,
  records,
  fields,
  renderValue,
  navigator,
}: TemplateSectionsProps) {
  const { t } = useTranslation();
  const text = useTemplateText();
  const parts = partsOf(template);

  return (
    <div className={navigator ? 'template-layout' : undefined}>
      {navigator ?? <SectionList template={template} />}
      <div className="template-layout__sections">
        {parts.map(({ part, sections }) => {
          const alone = standalone(part, sections);
          return (
            <div className="template-part" key={part}>
              <h2
                className="form__section"
                id={alone ? sectionAnchor(part) : undefined}
                tabIndex={alone ? -1 : undefined}
              >
                {text.part(part)}
              </h2>
              {sections.map((section) => (
                <div className="template-section" key={section.id}>
                  {!alone && (
                    <h3 className="template-section__title" id={sectionAnchor(section.id)} tabIndex={-1}>
                      {t('contributions.form.sectionHeading', {
                        id: section.id,
                        title: text.section(section),
                      })}
                    </h3>
                  )}
                  {section.source && (
                    <NetworkRecords source={section.source} records={records[section.source] ?? []} />
                  )}
                  {section.fields.map((field) => (
                    <div className="template-field" key={field.id}>
                      {fields ? <TemplateFieldInput field={field} {...fields} /> : renderValue?.(field)}
                    </div>
                  ))}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}

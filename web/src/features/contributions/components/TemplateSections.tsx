import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportTemplate, TemplateField } from '#shared/report-templates.ts';
import { partsOf } from '../utils/form-values.ts';
import { useTemplateText } from '../utils/template-texts.ts';
import { NetworkRecords } from './NetworkRecords.tsx';
import { TemplateFieldInput, type TemplateFieldProps } from './TemplateFields.tsx';

const sectionAnchor = (id: string) => `section-${id}`;

interface TemplateSectionsProps {
  template: ReportTemplate;
  /** The network's records, by source (`meetings`, ...), shown read-only in the sections they feed. */
  records: Record<string, readonly unknown[]>;
  /** Editable: what each field's control needs. */
  fields?: Omit<TemplateFieldProps, 'field'>;
  /** Read-only: how to show each field's value. */
  renderValue?: (field: TemplateField) => ReactNode;
}

/**
 * The template, part by part and section by section, generated from its data: headings, the records
 * a section draws on, and each field, editable or read-only. A list of the sections comes first, to
 * jump to one in a long form.
 */
export function TemplateSections({ template, records, fields, renderValue }: TemplateSectionsProps) {
  const { t } = useTranslation();
  const text = useTemplateText();
  const parts = partsOf(template);
  const standalone = (part: string, sections: readonly { id: string }[]) =>
    sections.length === 1 && sections[0]?.id === part;

  return (
    <>
      <nav className="contents" aria-labelledby="contribution-contents">
        <h2 className="contents__title" id="contribution-contents">
          {t('contributions.form.contents')}
        </h2>
        <ol className="contents__parts">
          {parts.map(({ part, sections }) => (
            <li key={part}>
              {standalone(part, sections) ? (
                <a href={`#${sectionAnchor(part)}`}>{text.part(part)}</a>
              ) : (
                <>
                  <span className="contents__part">{text.part(part)}</span>
                  <ol className="contents__sections">
                    {sections.map((section) => (
                      <li key={section.id}>
                        <a href={`#${sectionAnchor(section.id)}`}>
                          {t('contributions.form.sectionHeading', {
                            id: section.id,
                            title: text.section(section),
                          })}
                        </a>
                      </li>
                    ))}
                  </ol>
                </>
              )}
            </li>
          ))}
        </ol>
      </nav>

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
                    {t('contributions.form.sectionHeading', { id: section.id, title: text.section(section) })}
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
    </>
  );
}

import { useTranslation } from 'react-i18next';
import type { ReportTemplate } from '#shared/report-templates.ts';
import { partsOf } from '../utils/form-values.ts';
import type { SectionState } from '../utils/section-states.ts';
import { useTemplateText } from '../utils/template-texts.ts';

export const sectionAnchor = (id: string) => `section-${id}`;

/** A part with one section of its own id (Part C) is linked as the part. */
export const standalone = (part: string, sections: readonly { id: string }[]) =>
  sections.length === 1 && sections[0]?.id === part;

interface SectionListProps {
  template: ReportTemplate;
  /** Each section's state, shown beside its link (the form's navigator). */
  stateOf?: (sectionId: string) => SectionState;
  /** Called after a link is followed (the compact navigator then closes). */
  onFollow?: () => void;
  /** The list's own heading; the navigator names itself with its toggle instead. */
  titled?: boolean;
}

/** The template's parts and sections as links to them, each with its state when known. */
export function SectionList({ template, stateOf, onFollow, titled = true }: SectionListProps) {
  const { t } = useTranslation();
  const text = useTemplateText();
  const link = (id: string, label: string) => {
    const state = stateOf?.(id);
    return (
      <a href={`#${sectionAnchor(id)}`} onClick={onFollow} data-section-state={state}>
        <span className="contents__label">{label}</span>
        {state && (
          <span className={`section-state section-state--${state}`}>
            <span className="visually-hidden">: </span>
            {t(`contributions.form.sectionStates.${state}`)}
          </span>
        )}
      </a>
    );
  };
  const list = (
    <ol className="contents__parts">
      {partsOf(template).map(({ part, sections }) => (
        <li key={part}>
          {standalone(part, sections) ? (
            link(part, text.part(part))
          ) : (
            <>
              <span className="contents__part">{text.part(part)}</span>
              <ol className="contents__sections">
                {sections.map((section) => (
                  <li key={section.id}>
                    {link(
                      section.id,
                      t('contributions.form.sectionHeading', {
                        id: section.id,
                        title: text.section(section),
                      }),
                    )}
                  </li>
                ))}
              </ol>
            </>
          )}
        </li>
      ))}
    </ol>
  );
  if (!titled) return list;
  return (
    <nav className="contents" aria-labelledby="contribution-contents">
      <h2 className="contents__title" id="contribution-contents">
        {t('contributions.form.contents')}
      </h2>
      {list}
    </nav>
  );
}

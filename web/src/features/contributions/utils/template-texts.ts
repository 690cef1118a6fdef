import { useTranslation } from 'react-i18next';
import {
  templateFieldTexts,
  templatePartNames,
  templateSectionTitles,
} from '#shared/report-template-texts.ts';
import type { TemplateField, TemplateSection } from '#shared/report-templates.ts';
import { i18next } from '../../../lib/i18n.ts';

/**
 * The report template names its texts by i18n key (`template.fields.<field id>.label` and `.help`);
 * shared/report-template-texts.ts holds them in English and French, with the section titles and part
 * names (`template.sections.<id>`, `template.parts.<part>`). They are added to i18next here,
 * when the contribution pages load, rather than copied into the locale files: one source for the web
 * app and the report renderer. A field id holds a dot (`B1.flows`), which i18next reads as nesting,
 * so the bundle is nested the same way.
 */
type Nested = { [key: string]: Nested | string };

function nest(entries: Record<string, { label: string; help: string }>): Nested {
  const root: Nested = {};
  for (const [id, texts] of Object.entries(entries)) {
    let node = root;
    for (const part of id.split('.')) {
      const next = node[part];
      if (typeof next === 'object') node = next;
      else {
        const created: Nested = {};
        node[part] = created;
        node = created;
      }
    }
    Object.assign(node, texts);
  }
  return root;
}

for (const language of ['en', 'fr'] as const) {
  const template = {
    fields: nest(templateFieldTexts[language]),
    sections: templateSectionTitles[language],
    parts: templatePartNames[language],
  };
  i18next.addResourceBundle(language, 'translation', { template }, true, false);
}

/** Looks up a key the locale files' types do not know (the template's, or one built from its data). */
type LooseT = (key: string, options?: Record<string, unknown>) => string;

/**
 * The texts of the template in the UI language: a field's label and help text, a section's heading,
 * a table column's header and a choice's label. Texts the locale files lack (a later template version)
 * fall back to the template's own words or ids rather than showing a key.
 */
export function useTemplateText() {
  const { t, i18n } = useTranslation();
  const loose = t as unknown as LooseT;
  return {
    label: (field: TemplateField) => loose(field.labelKey, { defaultValue: field.id }),
    help: (field: TemplateField) => loose(field.helpKey, { defaultValue: '' }),
    section: (section: TemplateSection) =>
      loose(`template.sections.${section.id}`, { defaultValue: section.title }),
    part: (part: string) => {
      const name = loose(`template.parts.${part}`, { defaultValue: '' });
      // The name runs on after "Part A:", so it starts in lower case there.
      const runOn = name.charAt(0).toLocaleLowerCase(i18n.language) + name.slice(1);
      return name ? loose('contributions.template.partTitle', { part, name: runOn }) : part;
    },
    column: (columnId: string) =>
      loose(`contributions.template.columns.${columnId}`, { defaultValue: columnId }),
    option: (columnId: string, option: string) =>
      loose(`contributions.template.options.${columnId}.${option}`, { defaultValue: option }),
  };
}

export type TemplateText = ReturnType<typeof useTemplateText>;

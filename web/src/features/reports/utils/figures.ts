import { templateFieldTexts } from '#shared/report-template-texts.ts';

/**
 * The label of a Part C figure (`C.personsNotBoarded`) in the UI language, from the same texts the
 * contribution form and the report renderer use; the key itself for a figure no template names.
 */
export function figureLabel(fieldId: string, language: string): string {
  const texts = language === 'fr' ? templateFieldTexts.fr : templateFieldTexts.en;
  return (texts as Record<string, { label: string } | undefined>)[fieldId]?.label ?? fieldId;
}

/** The figures in the template's order (the order of the texts), unknown ones last in key order. */
export function orderedFigureKeys(keys: Iterable<string>): string[] {
  const known = Object.keys(templateFieldTexts.en);
  const rank = (key: string) => {
    const index = known.indexOf(key);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  return [...new Set(keys)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

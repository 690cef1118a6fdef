/** One choice of a combobox: the value the form keeps and the name the person reads. */
export interface ComboboxOption {
  value: string;
  label: string;
}

/** Lower case, accents dropped: "turkiye" finds "Türkiye", "cote" finds "Côte d’Ivoire". */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase()
    .trim();
}

export interface SearchableOption extends ComboboxOption {
  key: string;
}

/**
 * The options matching what was typed, best first: the name (or code) typed in full, then names
 * starting with it, then names containing it; each group keeps the options' order.
 */
export function matchingOptions(options: readonly SearchableOption[], query: string): SearchableOption[] {
  const wanted = normalise(query);
  if (wanted === '') return [...options];
  const exact: SearchableOption[] = [];
  const starting: SearchableOption[] = [];
  const containing: SearchableOption[] = [];
  for (const option of options) {
    if (option.key === wanted || option.value.toLowerCase() === wanted) exact.push(option);
    else if (option.key.startsWith(wanted)) starting.push(option);
    else if (option.key.includes(wanted)) containing.push(option);
  }
  return [...exact, ...starting, ...containing];
}

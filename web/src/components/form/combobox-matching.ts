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

/** The words of a normalised name: "cote d’ivoire" has "cote", "d" and "ivoire". */
function startsAWord(key: string, wanted: string): boolean {
  return key.split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith(wanted));
}

/**
 * The options matching what was typed, best first: the name (or code) typed in full, then names
 * starting with it, then names with a word starting with it ("guinea" finds "Papua New Guinea"),
 * then names containing it; each group keeps the options' order.
 */
export function matchingOptions(options: readonly SearchableOption[], query: string): SearchableOption[] {
  const wanted = normalise(query);
  if (wanted === '') return [...options];
  const exact: SearchableOption[] = [];
  const starting: SearchableOption[] = [];
  const wordStarting: SearchableOption[] = [];
  const containing: SearchableOption[] = [];
  for (const option of options) {
    if (option.key === wanted || option.value.toLowerCase() === wanted) exact.push(option);
    else if (option.key.startsWith(wanted)) starting.push(option);
    else if (startsAWord(option.key, wanted)) wordStarting.push(option);
    else if (option.key.includes(wanted)) containing.push(option);
  }
  return [...exact, ...starting, ...wordStarting, ...containing];
}

/**
 * The option an arrow key makes active in an open list. Typing suggests the best match (Enter takes
 * it) but leaves the focus in the text box: the first Down then goes to that match, not past it, so
 * "type part of the name, then Down and Enter" picks the best match, as the hints say; Up goes to the
 * last match. Otherwise the key moves as the list moves it (`moved`).
 */
export function arrowedIndex(suggested: boolean, key: 'down' | 'up', moved: number, count: number): number {
  if (!suggested || count === 0) return moved;
  return key === 'down' ? 0 : count - 1;
}

/** The option arrowed to is active; one suggested by typing is only outlined. */
export function optionClass(highlighted: boolean, suggested: boolean): string {
  const state = suggested ? 'suggested' : 'active';
  return highlighted ? `combobox__option combobox__option--${state}` : 'combobox__option';
}

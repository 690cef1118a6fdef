/** One entry of a 400's `fields` that no field of the form stands for (shown in the form's summary). */
export interface UnplacedProblem {
  path: string;
  message: string;
}

/**
 * Puts a 400's `fields` (error path → message) on the form's fields. `fieldOf` names the form field a
 * path is about (`parties.1` is about `parties`), or undefined when the form has none for it. A field
 * keeps the first message it is given: the server names each field once, and when several paths land
 * on one field (two wrong items of a list) the first is the one the person meets first.
 * Returns the fields marked, in the order the server named them, and the paths no field took.
 */
export function applyServerFields<F extends string>(
  fields: Readonly<Record<string, string>>,
  fieldOf: (path: string) => F | undefined,
  setError: (field: F, error: { type: 'server'; message: string }) => void,
): { marked: F[]; unplaced: UnplacedProblem[] } {
  const marked: F[] = [];
  const unplaced: UnplacedProblem[] = [];
  for (const [path, message] of Object.entries(fields)) {
    const field = fieldOf(path);
    if (field === undefined) unplaced.push({ path, message });
    else if (!marked.includes(field)) {
      setError(field, { type: 'server', message });
      marked.push(field);
    }
  }
  return { marked, unplaced };
}

/** The message of a field in error: the server's own words, or, for the form's own checks, `translated`. */
export function fieldMessage(
  error: { type?: string | undefined; message?: string | undefined } | undefined,
  translated: (type: string | undefined) => string,
): string | undefined {
  if (!error) return undefined;
  if (error.type === 'server' && typeof error.message === 'string') return error.message;
  return translated(error.type);
}

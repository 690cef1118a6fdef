import { completeFormValues, type SecondmentFormValues } from './form-values.ts';

/**
 * Unsaved form contents, kept in localStorage as the person types so that nothing is lost to a reload,
 * a crash, a lost connection or a refused save. One draft per organisation and per form: the new
 * secondment form (`new`) or one secondment's edit form (its id). Cleared once the server has saved.
 */
export interface StoredDraft {
  values: SecondmentFormValues;
  /** The version the edits started from (null for a new secondment): sent as is, so a conflict shows. */
  baseVersion: number | null;
  /** That version's values: what the person changed is the difference. */
  baseValues?: SecondmentFormValues | undefined;
  /** ISO instant of the last keystroke kept. */
  savedAt: string;
  /** What the person had typed when they reloaded the latest version after a conflict, until put back or dropped. */
  setAside?: SetAside | undefined;
}

export interface SetAside {
  /** The form as it was. */
  values: SecondmentFormValues;
  /** The version those edits started from: the fields that differ from it are the person's changes. */
  base: SecondmentFormValues;
}

const PREFIX = 'ilo.draft.secondment';

export function draftKey(organisation: string, secondmentId: string | undefined): string {
  return `${PREFIX}.${organisation}.${secondmentId ?? 'new'}`;
}

export function loadDraft(key: string): StoredDraft | null {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
    if (typeof stored !== 'object' || stored === null) return null;
    const draft = stored as Record<string, unknown>;
    const values = completeFormValues(draft.values);
    if (!values) return null;
    const baseValues = completeFormValues(draft.baseValues);
    const aside = draft.setAside as { values?: unknown; base?: unknown } | undefined;
    const asideValues = completeFormValues(aside?.values);
    const asideBase = completeFormValues(aside?.base);
    return {
      values,
      baseVersion: typeof draft.baseVersion === 'number' ? draft.baseVersion : null,
      ...(baseValues ? { baseValues } : {}),
      savedAt: typeof draft.savedAt === 'string' ? draft.savedAt : new Date().toISOString(),
      ...(asideValues && asideBase ? { setAside: { values: asideValues, base: asideBase } } : {}),
    };
  } catch {
    return null;
  }
}

/** Returns false when the browser refused (storage full or disabled): the form then says so. */
export function saveDraft(key: string, draft: StoredDraft): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing to do: a storage that cannot be written holds no draft either.
  }
}

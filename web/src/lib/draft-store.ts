/**
 * Unsaved form contents kept in this browser (localStorage) as the person types, so that nothing is
 * lost to a reload, a crash, a lost connection or a refused save. Cleared once the server holds the same.
 */
export interface KeptDraft<V> {
  values: V;
  /** The version the edits started from (null when there was none yet): sent as is, so a conflict shows. */
  baseVersion: number | null;
  /** That version's values: what the person changed is the difference. */
  baseValues?: V | undefined;
  /** ISO instant the draft was last kept. */
  keptAt: string;
  /** What the person had typed when they reloaded a newer version after a conflict, until put back or dropped. */
  setAside?: SetAside<V> | undefined;
}

/** The person's edits set aside beside a newer version. */
export interface SetAside<V> {
  /** The form as it was. */
  values: V;
  /** The version those edits started from: the fields that differ from it are the person's changes. */
  base: V;
}

export interface DraftStore<V> {
  /** The storage key of one form: the store's prefix, then what tells the form apart (organisation, id, ...). */
  key: (...parts: readonly string[]) => string;
  /** The draft kept under `key`, or null if there is none or it cannot be read. */
  load: (key: string) => KeptDraft<V> | null;
  /** Returns false when the browser refused (storage full or disabled): the form then says so. */
  save: (key: string, draft: KeptDraft<V>) => boolean;
  clear: (key: string) => void;
}

/**
 * The kept drafts of one kind of form. `valuesOf` reads stored values back into the form's shape (null
 * when they are not the form's): what is read from storage is never trusted to be what was written.
 */
export function createDraftStore<V>(prefix: string, valuesOf: (stored: unknown) => V | null): DraftStore<V> {
  const load = (key: string): KeptDraft<V> | null => {
    try {
      const stored: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
      if (typeof stored !== 'object' || stored === null) return null;
      const draft = stored as Record<string, unknown>;
      const values = valuesOf(draft.values);
      if (values === null) return null;
      const baseValues = valuesOf(draft.baseValues);
      const aside = draft.setAside as { values?: unknown; base?: unknown } | undefined;
      const asideValues = valuesOf(aside?.values);
      const asideBase = valuesOf(aside?.base);
      // Drafts kept before the two forms shared this store said `savedAt`.
      const keptAt = draft.keptAt ?? draft.savedAt;
      return {
        values,
        baseVersion: typeof draft.baseVersion === 'number' ? draft.baseVersion : null,
        ...(baseValues !== null ? { baseValues } : {}),
        keptAt: typeof keptAt === 'string' ? keptAt : new Date().toISOString(),
        ...(asideValues !== null && asideBase !== null
          ? { setAside: { values: asideValues, base: asideBase } }
          : {}),
      };
    } catch {
      return null;
    }
  };

  const save = (key: string, draft: KeptDraft<V>): boolean => {
    try {
      localStorage.setItem(key, JSON.stringify(draft));
      return true;
    } catch {
      return false;
    }
  };

  const clear = (key: string): void => {
    try {
      localStorage.removeItem(key);
    } catch {
      // Nothing to do: a storage that cannot be written holds no draft either.
    }
  };

  return { key: (...parts) => [prefix, ...parts].join('.'), load, save, clear };
}

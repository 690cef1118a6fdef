import type { ReportTemplate } from '#shared/report-templates.ts';
import { type FlatValues, flatValuesOf } from './form-values.ts';

/**
 * A copy of the contribution as typed, kept in localStorage until the server holds the same, so that
 * a reload, a crash, a lost connection or a refused save never loses a word. One per organisation and
 * contribution (semester, network, state).
 */
export interface StoredContribution {
  values: FlatValues;
  /** The version the edits started from: sent as is, so that a change by someone else shows as a conflict. */
  baseVersion: number;
  /** That version's values: what the person changed is the difference. */
  baseValues: FlatValues;
  /** ISO instant of the last change kept. */
  keptAt: string;
  /** What the person had typed when they reloaded a newer version, until put back or dropped. */
  setAside?: SetAside | undefined;
}

export interface SetAside {
  values: FlatValues;
  /** The version those edits started from. */
  base: FlatValues;
}

const PREFIX = 'ilo.draft.contribution';

export function contributionDraftKey(
  organisation: string,
  contribution: { semester: string; networkId: string; state: string },
): string {
  return `${PREFIX}.${organisation}.${contribution.semester}.${contribution.networkId}.${contribution.state}`;
}

export function loadStoredContribution(key: string, template: ReportTemplate): StoredContribution | null {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
    if (typeof stored !== 'object' || stored === null) return null;
    const draft = stored as Record<string, unknown>;
    if (typeof draft.values !== 'object' || draft.values === null) return null;
    const aside = draft.setAside as { values?: unknown; base?: unknown } | undefined;
    return {
      values: flatValuesOf(template, draft.values),
      baseVersion: typeof draft.baseVersion === 'number' ? draft.baseVersion : 0,
      baseValues: flatValuesOf(template, draft.baseValues),
      keptAt: typeof draft.keptAt === 'string' ? draft.keptAt : new Date().toISOString(),
      ...(aside && typeof aside.values === 'object' && aside.values !== null
        ? {
            setAside: {
              values: flatValuesOf(template, aside.values),
              base: flatValuesOf(template, aside.base),
            },
          }
        : {}),
    };
  } catch {
    return null;
  }
}

/** Returns false when the browser refused (storage full or disabled): the form then says so. */
export function storeContribution(key: string, draft: StoredContribution): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function forgetStoredContribution(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // A storage that cannot be written holds no copy either.
  }
}

import type { ReportTemplate } from '#shared/report-templates.ts';
import { createDraftStore, type KeptDraft, type SetAside as SetAsideOf } from '../../../lib/draft-store.ts';
import { type FlatValues, flatValuesOf } from './form-values.ts';

/**
 * The contribution as typed, kept in this browser until the server holds the same: one per
 * organisation and contribution (semester, network, state).
 */
export type StoredContribution = KeptDraft<FlatValues>;
export type SetAside = SetAsideOf<FlatValues>;

const PREFIX = 'ilo.draft.contribution';

/** The store reads values back as the template's fields (what is not the template's is dropped). */
function contributionDrafts(template: ReportTemplate) {
  return createDraftStore(PREFIX, (stored) =>
    typeof stored === 'object' && stored !== null ? flatValuesOf(template, stored) : null,
  );
}

/** Only the key and the writes: they do not depend on the template. */
const anyTemplate = createDraftStore<FlatValues>(PREFIX, () => null);

export function contributionDraftKey(
  organisation: string,
  contribution: { semester: string; networkId: string; state: string },
): string {
  return anyTemplate.key(organisation, contribution.semester, contribution.networkId, contribution.state);
}

export function loadStoredContribution(key: string, template: ReportTemplate): StoredContribution | null {
  return contributionDrafts(template).load(key);
}

export const { save: storeContribution, clear: forgetStoredContribution } = anyTemplate;

import { createDraftStore, type KeptDraft, type SetAside as SetAsideOf } from '../../../lib/draft-store.ts';
import { completeFormValues, type SecondmentFormValues } from './form-values.ts';

/**
 * The secondment forms' drafts kept in this browser: one per organisation and per form, the new
 * secondment form (`new`) or one secondment's edit form (its id).
 */
export type StoredDraft = KeptDraft<SecondmentFormValues>;
export type SetAside = SetAsideOf<SecondmentFormValues>;

const drafts = createDraftStore('ilo.draft.secondment', completeFormValues);

export function draftKey(organisation: string, secondmentId: string | undefined): string {
  return drafts.key(organisation, secondmentId ?? 'new');
}

export const { load: loadDraft, save: saveDraft, clear: clearDraft } = drafts;

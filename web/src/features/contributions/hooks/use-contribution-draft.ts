import { useCallback, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Contribution } from '#shared/contributions.ts';
import type { ReportTemplate } from '#shared/report-templates.ts';
import { useDraftKeeper } from '../../../lib/use-draft-keeper.ts';
import { useSetAside } from '../../../lib/use-set-aside.ts';
import {
  contributionDraftKey,
  forgetStoredContribution,
  loadStoredContribution,
  type SetAside,
  storeContribution,
} from '../utils/draft-store.ts';
import {
  type FlatValues,
  type FormValues,
  flatValuesOf,
  flatValuesOfContribution,
  flatValuesOfForm,
  formValuesOf,
  signatureOf,
} from '../utils/form-values.ts';

const drafts = { save: storeContribution, clear: forgetStoredContribution };

/** What the form starts from: the saved contribution, or what this browser kept of the person's typing. */
function startingPoint(template: ReportTemplate, contribution: Contribution, storageKey: string) {
  const saved = flatValuesOfContribution(template, contribution);
  const stored = loadStoredContribution(storageKey, template);
  const none = {
    values: saved,
    setAside: null as SetAside | null,
    restoredAt: null as string | null,
    outdated: false,
  };
  if (!stored) return none;
  const savedSignature = signatureOf(template, saved);
  if ((stored.baseVersion ?? 0) === contribution.version) {
    if (!stored.setAside && signatureOf(template, stored.values) === savedSignature) {
      forgetStoredContribution(storageKey);
      return none;
    }
    return {
      values: stored.values,
      setAside: stored.setAside ?? null,
      restoredAt: stored.keptAt,
      outdated: false,
    };
  }
  // Someone saved since these changes were typed (another tab, a colleague): the form shows the saved
  // version and the changes are set aside, to put back over it.
  const typed = stored.setAside ?? {
    values: stored.values,
    base: stored.baseValues ?? flatValuesOf(template, undefined),
  };
  if (signatureOf(template, typed.values) === savedSignature) {
    forgetStoredContribution(storageKey);
    return none;
  }
  return { values: saved, setAside: typed, restoredAt: stored.keptAt, outdated: true };
}

/** The server's state the edits build on. */
export interface ServerState {
  /** Sent with each save, so that a change by someone else shows as a conflict. */
  version: number;
  values: FlatValues;
  /** The signature of what the server holds: a save with the same has nothing to send. */
  signature: string;
  savedAt: string | undefined;
}

/**
 * The contribution form, what it builds on, and its copy in this browser (kept shortly after each
 * change, and until the server holds the same), with the person's edits set aside after a conflict.
 */
export function useContributionDraft(
  organisation: string,
  template: ReportTemplate,
  contribution: Contribution,
) {
  const storageKey = contributionDraftKey(organisation, contribution);
  const [initial] = useState(() => startingPoint(template, contribution, storageKey));
  const [loaded] = useState((): ServerState => {
    const values = flatValuesOfContribution(template, contribution);
    return {
      version: contribution.version,
      values,
      signature: signatureOf(template, values),
      savedAt: contribution.savedAt,
    };
  });
  const server = useRef(loaded);

  const form = useForm<FormValues>({
    defaultValues: formValuesOf(template, initial.values),
    shouldFocusError: false,
  });
  const { getValues, reset } = form;
  const currentValues = useCallback(() => flatValuesOfForm(template, getValues()), [getValues, template]);
  const aside = useSetAside<FlatValues>(initial.setAside, initial.outdated ? contribution.version : null);

  const keeper = useDraftKeeper({
    store: drafts,
    storageKey,
    draft: () => {
      const values = currentValues();
      const setAside = aside.current();
      if (!setAside && signatureOf(template, values) === server.current.signature) return null;
      return {
        values,
        baseVersion: server.current.version,
        baseValues: server.current.values,
        keptAt: new Date().toISOString(),
        ...(setAside ? { setAside } : {}),
      };
    },
  });

  // A reset is the form's own doing, not the person's: nothing to keep or save for it.
  const resetting = useRef(false);
  const resetTo = (values: FlatValues) => {
    resetting.current = true;
    reset(formValuesOf(template, values));
    resetting.current = false;
  };

  return {
    storageKey,
    initial,
    form,
    currentValues,
    server,
    aside,
    keeper,
    resetTo,
    isResetting: () => resetting.current,
  };
}

export type ContributionDraft = ReturnType<typeof useContributionDraft>;

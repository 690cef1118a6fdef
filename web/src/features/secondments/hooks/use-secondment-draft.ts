import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useRef, useState } from 'react';
import { type Resolver, type ResolverResult, useForm } from 'react-hook-form';
import {
  createSecondmentSchema,
  type Secondment,
  type SecondmentFields,
  updateSecondmentSchema,
} from '#shared/secondments.ts';
import { useDraftKeeper } from '../../../lib/use-draft-keeper.ts';
import { useFormChanges } from '../../../lib/use-form-changes.ts';
import { useSetAside } from '../../../lib/use-set-aside.ts';
import { clearDraft, draftKey, loadDraft, type SetAside, saveDraft } from '../utils/draft-store.ts';
import { controlId } from '../utils/form-controls.ts';
import {
  changedFields,
  emptyFormValues,
  formValuesOf,
  type SecondmentFormValues,
  sameValues,
  toInput,
  withFields,
} from '../utils/form-values.ts';

/** What a valid form yields: the request body, with the version read when editing. */
export type Submission = SecondmentFields & { version?: number };

const drafts = { save: saveDraft, clear: clearDraft };

/**
 * Validates with the shared schema, exactly as the server does: the form's strings become the request
 * body first (empty optional fields left out), with the version read added when editing.
 */
function secondmentResolver(
  version: () => number | null,
): Resolver<SecondmentFormValues, unknown, Submission> {
  const create = zodResolver(createSecondmentSchema);
  const update = zodResolver(updateSecondmentSchema);
  return async (values, context, options) => {
    const input = toInput(values);
    const current = version();
    // The options name the form's fields, which have the same paths as the body's.
    const passOn = options as never;
    const result =
      current === null
        ? await create(input, context, passOn)
        : await update({ ...input, version: current }, context, passOn);
    return result as unknown as ResolverResult<SecondmentFormValues, Submission>;
  };
}

/**
 * The secondment form and its draft in this browser: what is typed is kept as it is typed and put back
 * after a reload. The edits build on a saved state, its values (what the person changed is the
 * difference) and its version (sent with the save, so that a change by someone else meanwhile is
 * refused, not overwritten); after a conflict the person's edits are set aside beside the latest.
 */
export function useSecondmentDraft(organisation: string, secondment: Secondment | undefined) {
  const storageKey = draftKey(organisation, secondment?.id);
  const [initial] = useState(() => {
    const stored = loadDraft(storageKey);
    const saved = secondment ? formValuesOf(secondment) : emptyFormValues;
    return {
      stored,
      // A restored draft carries the version it started from; otherwise the edits start from what was loaded.
      base: stored
        ? { values: stored.baseValues ?? saved, version: stored.baseVersion }
        : { values: saved, version: secondment?.version ?? null },
    };
  });
  const base = useRef(initial.base);
  const version = useRef<number | null>(initial.base.version);
  const resolver = useMemo(() => secondmentResolver(() => version.current), []);
  const form = useForm<SecondmentFormValues, unknown, Submission>({
    resolver,
    defaultValues: initial.stored?.values ?? initial.base.values,
    shouldFocusError: false,
  });
  const { getValues, reset, watch } = form;
  const [keptAt, setKeptAt] = useState<string | null>(initial.stored?.keptAt ?? null);
  const aside = useSetAside<SecondmentFormValues>(initial.stored?.setAside ?? null);

  const keeper = useDraftKeeper({
    store: drafts,
    storageKey,
    draft: () => {
      const values = getValues();
      const setAside = aside.current();
      if (!setAside && sameValues(values, base.current.values)) return null;
      return {
        values,
        baseVersion: version.current,
        baseValues: base.current.values,
        keptAt: new Date().toISOString(),
        ...(setAside ? { setAside } : {}),
      };
    },
    onKept: (draft) => setKeptAt(draft?.keptAt ?? null),
  });
  useFormChanges(watch, ({ type }) => {
    // Only the person's own changes: a reset (reload, discard) is kept explicitly.
    if (type === 'change') keeper.schedule();
  });

  return {
    form,
    /** The draft this browser had kept when the form opened, if any. */
    restoredFrom: initial.stored,
    keptAt,
    storageRefused: keeper.storageRefused,
    /** The latest saved values the edits build on. */
    baseValues: () => base.current.values,
    setAside: aside.setAside,
    reloadedVersion: aside.reloadedVersion,
    /** Keeps at once what is waiting (after a refused save: nothing typed is lost). */
    flush: keeper.flush,
    /** Saved: the server holds it all, this browser's copy goes. */
    forget: () => {
      keeper.cancel();
      clearDraft(storageKey);
    },
    /** After a conflict: the form shows the latest version, and what the person typed is set aside. */
    takeLatest: (latest: Secondment) => {
      const yours: SetAside = { values: getValues(), base: base.current.values };
      const latestValues = formValuesOf(latest);
      base.current = { values: latestValues, version: latest.version };
      version.current = latest.version;
      aside.update(yours, latest.version);
      reset(latestValues);
      keeper.keepNow();
    },
    /** The latest version with the person's own changes laid over it: fields they did not touch keep the newer values. */
    putBack: () => {
      const setAside = aside.current();
      if (!setAside) return;
      reset(withFields(base.current.values, setAside.values, changedFields(setAside.base, setAside.values)), {
        keepDefaultValues: true,
      });
      aside.update(null);
      keeper.keepNow();
      window.setTimeout(() => document.getElementById(controlId('hostCountry'))?.focus(), 0);
    },
    dropSetAside: () => {
      aside.update(null);
      keeper.keepNow();
    },
    /** Back to the saved state: the draft and anything set aside go. */
    discard: () => {
      keeper.cancel();
      clearDraft(storageKey);
      aside.update(null);
      version.current = base.current.version;
      reset(base.current.values);
      setKeptAt(null);
    },
  };
}

export type SecondmentDraft = ReturnType<typeof useSecondmentDraft>;

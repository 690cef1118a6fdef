import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Contribution } from '#shared/contributions.ts';
import type { ReportTemplate } from '#shared/report-templates.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
import { useAutosave } from '../../../lib/use-autosave.ts';
import { contributionQuery, useSaveContribution } from '../api/contributions.ts';
import { apiValues, type FlatValues, signatureOf } from '../utils/form-values.ts';
import { type Problem, problemsOf, problemsOfServer } from '../utils/problems.ts';
import type { ContributionDraft } from './use-contribution-draft.ts';

/** Saved this long after the last keystroke (and at once when a field is left). */
export const SAVE_DELAY_MS = 1500;
/** After a failure the server may recover from (no connection, 5xx), saving is tried again after this. */
const RETRY_DELAY_MS = 15_000;

/**
 * The contribution saves itself as the person types, sending the version it read: entries not valid
 * yet are saved as typed apart from the values and said beside the fields, and a refusal keeps the
 * text in this browser.
 */
export function useContributionAutosave(
  draft: ContributionDraft,
  template: ReportTemplate,
  contribution: Contribution,
  onChange: (contribution: Contribution) => void,
) {
  const queryClient = useQueryClient();
  const describeError = useErrorMessage();
  const save = useSaveContribution(contribution);
  const { server, keeper, currentValues, initial } = draft;
  // What is not valid yet on arrival (saved so, or kept in this browser) is listed from the start.
  const [draftProblems, setDraftProblems] = useState<Problem[]>(() =>
    problemsOf(template, initial.values, 'draft'),
  );
  const draftProblemKey = useRef(draftProblems.map((problem) => `${problem.path}:${problem.type}`).join('|'));

  const refreshProblems = useCallback(
    (values: FlatValues) => {
      const found = problemsOf(template, values, 'draft');
      const key = found.map((problem) => `${problem.path}:${problem.type}`).join('|');
      if (key !== draftProblemKey.current) {
        draftProblemKey.current = key;
        setDraftProblems(found);
      }
      return found;
    },
    [template],
  );

  const autosave = useAutosave({
    delayMs: SAVE_DELAY_MS,
    initialStatus: contribution.savedAt ? { kind: 'saved', at: contribution.savedAt } : { kind: 'idle' },
    initiallyPending: initial.restoredAt !== null && !initial.outdated,
    saveOnce: () => saveOnce(),
  });
  const { setStatus, block } = autosave;

  const onSaveFailed = async (error: unknown, sent: FlatValues) => {
    if (!(error instanceof ApiError)) {
      setStatus({ kind: 'failed', message: describeError(error) });
      return;
    }
    if (error.code === 'stale_version') {
      block('stale');
      setStatus({ kind: 'stale' });
      return;
    }
    if (error.code === 'semester_closed' || error.code === 'already_submitted' || error.status === 403) {
      // It can no longer be changed (here): the page shows why, and what was typed, kept in this browser.
      block('locked');
      setStatus({ kind: 'failed', message: describeError(error) });
      try {
        onChange(await queryClient.fetchQuery({ ...contributionQuery(contribution), staleTime: 0 }));
      } catch {
        // The message above stays; the copy in this browser too.
      }
      return;
    }
    if (error.code === 'invalid_request' && Object.keys(error.fields).length > 0) {
      const { problems, general } = problemsOfServer(template, sent, error.fields, 'draft');
      draftProblemKey.current = '';
      setDraftProblems(problems);
      setStatus(
        general.length > 0 && problems.length === 0
          ? { kind: 'failed', message: general.join(' ') }
          : { kind: 'invalid', count: problems.length },
      );
      return;
    }
    setStatus({ kind: 'failed', message: describeError(error) });
    if (error.isTransient) autosave.retryAfter(RETRY_DELAY_MS);
  };

  const saveOnce = async (): Promise<boolean> => {
    const values = currentValues();
    const sent = apiValues(template, values);
    const signature = signatureOf(template, values);
    if (signature === server.current.signature) {
      // Nothing to send: back where the last save left it (an entry corrected back, say).
      refreshProblems(values);
      setStatus((current) => {
        if (current.kind === 'saved' || current.kind === 'idle') return current;
        const { savedAt } = server.current;
        return savedAt ? { kind: 'saved', at: savedAt } : { kind: 'idle' };
      });
      return true;
    }
    // Entries not valid yet are saved too, apart from the values (`unsettled`), and listed to correct.
    refreshProblems(values);
    setStatus({ kind: 'saving' });
    try {
      const saved = await save.mutateAsync({
        templateVersion: contribution.templateVersion,
        version: server.current.version,
        values: sent.values,
        ...(Object.keys(sent.unsettled).length > 0 ? { unsettled: sent.unsettled } : {}),
      });
      const savedAt = saved.savedAt ?? new Date().toISOString();
      server.current = { version: saved.version, values, signature, savedAt };
      onChange(saved);
      setStatus({ kind: 'saved', at: savedAt });
      keeper.keepNow();
      return signatureOf(template, currentValues()) === signature;
    } catch (error) {
      keeper.keepNow();
      await onSaveFailed(error, values);
      return false;
    }
  };

  // On arrival with text restored from this browser, save it; on leaving the page, save what is pending.
  const { saveNow, isPending } = autosave;
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on arrival and departure.
  useEffect(() => {
    if (initial.restoredAt && !initial.outdated) void saveNow();
    return () => {
      const pending = isPending();
      keeper.keepNow();
      if (pending) void saveNow();
    };
  }, []);

  return { ...autosave, draftProblems, refreshProblems };
}

export type ContributionAutosave = ReturnType<typeof useContributionAutosave>;

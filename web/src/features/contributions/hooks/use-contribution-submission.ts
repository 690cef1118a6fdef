import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contribution } from '#shared/contributions.ts';
import type { ReportTemplate } from '#shared/report-templates.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
import { contributionQuery, useContributionTransition } from '../api/contributions.ts';
import { forgetStoredContribution } from '../utils/draft-store.ts';
import { type Problem, problemsOf, problemsOfServer } from '../utils/problems.ts';
import type { ContributionAutosave } from './use-contribution-autosave.ts';
import type { ContributionDraft } from './use-contribution-draft.ts';

export interface SubmitFailure {
  attempt: number;
  problems: Problem[];
  general: string[];
}

interface SubmissionOptions {
  draft: ContributionDraft;
  autosave: ContributionAutosave;
  template: ReportTemplate;
  contribution: Contribution;
  onChange: (contribution: Contribution) => void;
  onSubmitted: (contribution: Contribution) => void;
  allowNavigation: () => void;
}

/**
 * Submitting the contribution: what the form holds is checked first, with the shared schema the
 * server applies; with problems, they are listed (the error summary) and nothing is asked; only a
 * complete form asks for confirmation. It is then saved, and submitted with the version saved; the
 * problems of a refusal (the server's say) are listed once the dialog has closed.
 */
export function useContributionSubmission(options: SubmissionOptions) {
  const { draft, autosave, template, contribution, onChange, onSubmitted, allowNavigation } = options;
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const describeError = useErrorMessage();
  const transition = useContributionTransition(contribution);
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  // A refused submission closes the dialog first; its problems appear once the dialog has closed, so
  // that the error summary takes focus after the browser has handed focus back to the page.
  const pendingFailure = useRef<SubmitFailure | null>(null);
  const submitFailed = (next: SubmitFailure | null) => {
    pendingFailure.current = next;
    setSubmitting(false);
    setConfirming(false);
  };
  const onDialogClosed = () => {
    setConfirming(false);
    const next = pendingFailure.current;
    pendingFailure.current = null;
    if (next) setFailure(next);
  };

  const refetch = async () => {
    try {
      onChange(await queryClient.fetchQuery({ ...contributionQuery(contribution), staleTime: 0 }));
    } catch {
      // The message says why; the page stays as it is.
    }
  };

  const submit = async () => {
    setSubmitting(true);
    const savedAll = await autosave.saveNow();
    // What the server checks is what it holds, which is now what the form holds.
    const sent = draft.currentValues();
    if (!savedAll) {
      submitFailed({ attempt: Date.now(), problems: [], general: [t('contributions.submit.notSavedFirst')] });
      return;
    }
    try {
      const submitted = await transition.mutateAsync({
        action: 'submit',
        version: draft.server.current.version,
      });
      autosave.cancel();
      draft.keeper.cancel();
      autosave.block('locked');
      forgetStoredContribution(draft.storageKey);
      allowNavigation();
      onSubmitted(submitted);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_request') {
        const { problems, general } = problemsOfServer(template, sent, error.fields, 'submission');
        submitFailed({
          attempt: Date.now(),
          problems,
          general: problems.length === 0 && general.length === 0 ? [error.message] : general,
        });
        return;
      }
      if (error instanceof ApiError && error.code === 'stale_version') {
        submitFailed(null);
        autosave.block('stale');
        autosave.setStatus({ kind: 'stale' });
        return;
      }
      submitFailed({ attempt: Date.now(), problems: [], general: [describeError(error)] });
      if (
        error instanceof ApiError &&
        (error.code === 'already_submitted' || error.code === 'semester_closed')
      )
        await refetch();
    }
  };

  /** The person is dealing with a field: a submission's complaint about it is dropped. */
  const dropProblemsOf = (fieldId: string) =>
    setFailure((current) => {
      if (!current?.problems.some((problem) => problem.fieldId === fieldId)) return current;
      return { ...current, problems: current.problems.filter((problem) => problem.fieldId !== fieldId) };
    });

  return {
    failure,
    dropProblemsOf,
    confirming,
    confirm: () => {
      const problems = problemsOf(template, draft.currentValues(), 'submission');
      if (problems.length > 0) {
        setFailure({ attempt: Date.now(), problems, general: [] });
        return;
      }
      setFailure(null);
      setConfirming(true);
    },
    cancel: () => setConfirming(false),
    onDialogClosed,
    submitting,
    submit,
  };
}

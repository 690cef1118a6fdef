import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Secondment } from '#shared/secondments.ts';
import type { FormProblem } from '../../../components/form/FormErrorSummary.tsx';
import { secondmentPath } from '../../../config/paths.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
import { applyServerFields, focusFirstControl } from '../../../lib/form-errors.ts';
import { secondmentQuery, useCreateSecondment, useUpdateSecondment } from '../api/secondments.ts';
import { controlId, pathsInError } from '../utils/form-controls.ts';
import { type FieldPath, fieldOfPath, type SecondmentFormValues } from '../utils/form-values.ts';
import type { SecondmentDraft, Submission } from './use-secondment-draft.ts';

/** Where a navigation after saving lands, and what the secondment's page then says. */
export type SavedNotice = 'created' | 'updated' | 'amended';

export type Failure =
  | { kind: 'invalid'; attempt: number; general: FormProblem[] }
  | { kind: 'stale'; attempt: number }
  | { kind: 'not_editable'; attempt: number; message: string }
  | { kind: 'other'; attempt: number; message: string };

const focusFirstError = (paths: readonly FieldPath[]) => focusFirstControl(paths.map(controlId));

/**
 * Saving the secondment form: the body sent with the version read; on success the draft goes and the
 * secondment's page opens; a refusal keeps everything typed and says why, beside the fields it concerns.
 */
export function useSecondmentSave(
  secondment: Secondment | undefined,
  draft: SecondmentDraft,
  allowNavigation: () => void,
) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const describeError = useErrorMessage();
  const createSecondment = useCreateSecondment();
  const updateSecondment = useUpdateSecondment(secondment?.id ?? '');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);
  const conflictHeading = useRef<HTMLHeadingElement>(null);
  const { setError } = draft.form;

  const onInvalid = (found: FieldErrors<SecondmentFormValues>) => {
    setFailure({ kind: 'invalid', attempt: Date.now(), general: [] });
    focusFirstError(pathsInError(found));
  };

  const onSaveFailed = (error: unknown) => {
    const attempt = Date.now();
    if (!(error instanceof ApiError)) {
      setFailure({ kind: 'other', attempt, message: describeError(error) });
      return;
    }
    if (error.code === 'stale_version') {
      // The server's message says the same in English only: the page says it in the UI language.
      setFailure({ kind: 'stale', attempt });
      return;
    }
    if (error.code === 'not_editable') {
      setFailure({ kind: 'not_editable', attempt, message: error.message });
      return;
    }
    if (error.code === 'invalid_request' && Object.keys(error.fields).length > 0) {
      const { marked, unplaced } = applyServerFields(error.fields, fieldOfPath, setError);
      const general = unplaced.map(({ path, message }) => ({ text: `${path}: ${message}` }));
      setFailure({ kind: 'invalid', attempt, general });
      focusFirstError(marked);
      return;
    }
    setFailure({ kind: 'other', attempt, message: describeError(error) });
  };

  const onValid = async (submission: Submission) => {
    setFailure(null);
    setSaving(true);
    try {
      const saved =
        secondment && submission.version !== undefined
          ? await updateSecondment.mutateAsync({ ...submission, version: submission.version })
          : await createSecondment.mutateAsync(submission);
      draft.forget();
      allowNavigation();
      let notice: SavedNotice = 'created';
      if (secondment) notice = secondment.status === 'draft' ? 'updated' : 'amended';
      void navigate(secondmentPath(saved.id), { state: { saved: notice } });
    } catch (error) {
      // Everything typed stays on screen and in this browser; only the messages change.
      draft.flush();
      setSaving(false);
      onSaveFailed(error);
    }
  };

  /** After a conflict: show the latest version, and set what the person typed aside, at hand. */
  const reloadLatest = async () => {
    if (!secondment) return;
    try {
      const latest = await queryClient.fetchQuery({ ...secondmentQuery(secondment.id), staleTime: 0 });
      draft.takeLatest(latest);
      if (!latest.allowed.includes('edit')) {
        setFailure({
          kind: 'not_editable',
          attempt: Date.now(),
          message: t('secondments.form.noLongerEditable'),
        });
      } else {
        setFailure(null);
      }
      window.setTimeout(() => conflictHeading.current?.focus(), 0);
    } catch (error) {
      setFailure({ kind: 'other', attempt: Date.now(), message: describeError(error) });
    }
  };

  return {
    submit: draft.form.handleSubmit(onValid, onInvalid),
    failure,
    clearFailure: () => setFailure(null),
    saving,
    reloadLatest,
    conflictHeading,
  };
}

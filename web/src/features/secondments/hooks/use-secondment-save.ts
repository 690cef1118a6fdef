import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Secondment } from '#shared/secondments.ts';
import { useSaveFailure } from '../../../components/form/use-save-failure.ts';
import { secondmentPath } from '../../../config/paths.ts';
import { focusFirstControl } from '../../../lib/focus.ts';
import { applyServerFields } from '../../../lib/form-errors.ts';
import { secondmentQuery, useCreateSecondment, useUpdateSecondment } from '../api/secondments.ts';
import { controlId, pathsInError } from '../utils/form-controls.ts';
import { type FieldPath, fieldOfPath, type SecondmentFormValues } from '../utils/form-values.ts';
import type { SecondmentDraft, Submission } from './use-secondment-draft.ts';

/** Where a navigation after saving lands, and what the secondment's page then says. */
export type SavedNotice = 'created' | 'updated' | 'amended';

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
  const createSecondment = useCreateSecondment();
  const updateSecondment = useUpdateSecondment(secondment?.id ?? '');
  const { failure, setFailure, invalid, refused, other, clear } = useSaveFailure('not_editable');
  const [saving, setSaving] = useState(false);
  const conflictHeading = useRef<HTMLHeadingElement>(null);
  const { setError } = draft.form;

  const onInvalid = (found: FieldErrors<SecondmentFormValues>) => {
    invalid();
    focusFirstError(pathsInError(found));
  };

  const onSaveFailed = (error: unknown) =>
    refused(error, (fields) => {
      const { marked, unplaced } = applyServerFields(fields, fieldOfPath, setError);
      focusFirstError(marked);
      return unplaced.map(({ path, message }) => ({ text: `${path}: ${message}` }));
    });

  const onValid = async (submission: Submission) => {
    clear();
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
        setFailure({ kind: 'locked', attempt: Date.now(), message: t('secondments.form.noLongerEditable') });
      } else {
        clear();
      }
      window.setTimeout(() => conflictHeading.current?.focus(), 0);
    } catch (error) {
      other(error);
    }
  };

  return {
    submit: draft.form.handleSubmit(onValid, onInvalid),
    failure,
    clearFailure: clear,
    saving,
    reloadLatest,
    conflictHeading,
  };
}

import { useMemo, useState } from 'react';
import { type FieldErrors, type Resolver, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ActivityKind } from '#shared/networks.ts';
import { problemsOfFields } from '../../../components/form/SaveFailureNotices.tsx';
import { useSaveFailure } from '../../../components/form/use-save-failure.ts';
import { useUnsavedChangesGuard } from '../../../components/form/use-unsaved-changes-guard.tsx';
import { focusFirstControl } from '../../../lib/focus.ts';
import { applyServerFields, fieldMessage } from '../../../lib/form-errors.ts';
import { activityControlId } from '../utils/activity-controls.ts';
import {
  type ActivityField,
  type ActivityFormValues,
  activityFields,
  fieldOfPath,
  validateActivity,
} from '../utils/activity-form.ts';

export interface ActivityFormOptions {
  kind: ActivityKind;
  initialValues: ActivityFormValues;
  /** Sends the checked body; resolves, once saved, to where to go next (rejects with the failure). */
  onSave: (input: Record<string, unknown>) => Promise<{ to: string; state?: unknown }>;
  /** After a conflict on an edit: puts the latest version in the form (what was typed is shown first). */
  onReloadLatest?: (() => Promise<ActivityFormValues | null>) | undefined;
}

const focusFirst = (fields: readonly ActivityField[]) => focusFirstControl(fields.map(activityControlId));

/**
 * The activity form: checked with the shared schema of its kind before sending, as the server checks
 * it; a refusal keeps everything typed, with the server's messages beside the fields they concern.
 */
export function useActivityForm({ kind, initialValues, onSave, onReloadLatest }: ActivityFormOptions) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { failure, invalid, refused, other, clear } = useSaveFailure('semester_closed');
  const [saving, setSaving] = useState(false);

  const resolver = useMemo<Resolver<ActivityFormValues, unknown, Record<string, unknown>>>(
    () => async (values) => {
      const { input, errors } = validateActivity(kind, values);
      const entries = Object.entries(errors);
      if (entries.length === 0) return { values: input, errors: {} };
      return {
        values: {},
        errors: Object.fromEntries(
          entries.map(([field, type]) => [field, { type, message: '' }]),
        ) as FieldErrors<ActivityFormValues>,
      };
    },
    [kind],
  );
  const form = useForm<ActivityFormValues, unknown, Record<string, unknown>>({
    resolver,
    defaultValues: initialValues,
    shouldFocusError: false,
  });
  const {
    setError,
    reset,
    formState: { errors, isDirty },
  } = form;
  const guard = useUnsavedChangesGuard(isDirty && !saving, t('networks.activityForm.unsavedMessage'));

  const fields: readonly ActivityField[] = activityFields[kind];
  const fieldError = (field: ActivityField): string | undefined =>
    fieldMessage(errors[field], () => t(`networks.activityForm.errors.${field}`));
  const inError = (found: FieldErrors<ActivityFormValues>) =>
    fields.filter((field) => found[field] !== undefined);

  const onFailed = (error: unknown) =>
    refused(error, (fields) => {
      const { marked, unplaced } = applyServerFields(fields, (path) => fieldOfPath(kind, path), setError);
      focusFirst(marked);
      return unplaced.map(({ path, message }) => ({ text: `${path}: ${message}` }));
    });

  const onValid = async (input: Record<string, unknown>) => {
    clear();
    setSaving(true);
    try {
      const next = await onSave(input);
      guard.allowNavigation();
      void navigate(next.to, { state: next.state });
    } catch (error) {
      // Everything typed stays in the form; only the messages change.
      setSaving(false);
      onFailed(error);
    }
  };

  const onInvalid = (found: FieldErrors<ActivityFormValues>) => {
    invalid();
    focusFirst(inError(found));
  };

  const reloadLatest = async () => {
    if (!onReloadLatest) return;
    try {
      const latest = await onReloadLatest();
      if (latest) reset(latest);
      clear();
      // The button is gone with the message: carry on from the top of the form.
      window.setTimeout(() => document.getElementById(activityControlId('date'))?.focus(), 0);
    } catch (error) {
      other(error);
    }
  };

  const problems =
    failure?.kind === 'invalid'
      ? problemsOfFields(failure.general, inError(errors), fieldError, activityControlId)
      : [];

  return {
    form,
    submit: form.handleSubmit(onValid, onInvalid),
    failure,
    problems,
    saving,
    fieldError,
    reloadLatest,
    guardDialog: guard.dialog,
  };
}

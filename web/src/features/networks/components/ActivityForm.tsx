import { useMemo, useState } from 'react';
import {
  Controller,
  type FieldErrors,
  type Resolver,
  type UseFormRegisterReturn,
  useForm,
  useWatch,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type ActivityKind, contactCounterparts, trainingKinds } from '#shared/networks.ts';
import { stateCodes } from '#shared/reference/states.ts';
import { ChoiceGroup, choiceId } from '../../../components/form/ChoiceGroup.tsx';
import { ComboboxField, MultiComboboxField } from '../../../components/form/Combobox.tsx';
import { FormErrorSummary, type FormProblem } from '../../../components/form/FormErrorSummary.tsx';
import { InputField, TextareaField } from '../../../components/form/FormField.tsx';
import { useUnsavedChangesGuard } from '../../../components/form/use-unsaved-changes-guard.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
import { useCountryOptions } from '../../../lib/name-lists.ts';
import {
  type ActivityField,
  type ActivityFormValues,
  activityFields,
  fieldOfPath,
  validateActivity,
} from '../utils/activity-form.ts';

/** The id of the control of each field: error-summary links and "focus the first error" go there. */
export function activityControlId(field: ActivityField): string {
  if (field === 'trainingKind') return choiceId('activity-trainingKind', trainingKinds[0]);
  if (field === 'counterpartType') return choiceId('activity-counterpartType', contactCounterparts[0]);
  return `activity-${field}`;
}

/** The fields that come with a hint. */
type HintedField = Exclude<
  ActivityField,
  'commissionPresent' | 'summary' | 'trainingKind' | 'position' | 'counterpartType'
>;

type Failure =
  | { kind: 'invalid'; attempt: number; general: FormProblem[] }
  | { kind: 'stale'; attempt: number }
  | { kind: 'closed'; attempt: number; message: string }
  | { kind: 'other'; attempt: number; message: string };

interface ActivityFormProps {
  kind: ActivityKind;
  initialValues: ActivityFormValues;
  /** Sends the checked body; resolves, once saved, to where to go next (rejects with the failure). */
  onSave: (input: Record<string, unknown>) => Promise<{ to: string; state?: unknown }>;
  /** Where "Cancel" leads. */
  cancelTo: string;
  submitLabel: string;
  /** After a conflict on an edit: puts the latest version in the form (what was typed is shown first). */
  onReloadLatest?: (() => Promise<ActivityFormValues | null>) | undefined;
}

/**
 * Records (or changes) one network activity: a meeting, a training, a position towards carriers or a
 * contact. Checked with the shared schema of its kind before sending, as the server checks it; a
 * refusal keeps everything typed on screen, with the server's messages beside the fields they concern.
 */
export function ActivityForm({
  kind,
  initialValues,
  onSave,
  cancelTo,
  submitLabel,
  onReloadLatest,
}: ActivityFormProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const stateOptions = useCountryOptions(stateCodes);
  const [failure, setFailure] = useState<Failure | null>(null);
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

  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isDirty },
  } = useForm<ActivityFormValues, unknown, Record<string, unknown>>({
    resolver,
    defaultValues: initialValues,
    shouldFocusError: false,
  });
  const [commissionPresent, ebcgPresent] = useWatch({ control, name: ['commissionPresent', 'ebcgPresent'] });
  const absent = kind === 'meeting' && (!commissionPresent || !ebcgPresent);

  const navigate = useNavigate();
  const guard = useUnsavedChangesGuard(isDirty && !saving, t('networks.activityForm.unsavedMessage'));

  const fields: readonly ActivityField[] = activityFields[kind];
  const fieldError = (field: ActivityField): string | undefined => {
    const error = errors[field];
    if (!error) return undefined;
    if (error.type === 'server' && typeof error.message === 'string') return error.message;
    return t(`networks.activityForm.errors.${field}`);
  };
  const inError = (found: FieldErrors<ActivityFormValues>) =>
    fields.filter((field) => found[field] !== undefined);

  const focusFirst = (inErrorNow: readonly ActivityField[]) => {
    // After the render that shows the messages (and, for the reason, the field itself).
    window.setTimeout(() => {
      const [first] = inErrorNow;
      if (first) document.getElementById(activityControlId(first))?.focus();
    }, 0);
  };

  const onInvalid = (found: FieldErrors<ActivityFormValues>) => {
    setFailure({ kind: 'invalid', attempt: Date.now(), general: [] });
    focusFirst(inError(found));
  };

  const onValid = async (input: Record<string, unknown>) => {
    setFailure(null);
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

  const onFailed = (error: unknown) => {
    const attempt = Date.now();
    if (!(error instanceof ApiError)) {
      setFailure({ kind: 'other', attempt, message: describeError(error) });
      return;
    }
    if (error.code === 'stale_version') {
      setFailure({ kind: 'stale', attempt });
      return;
    }
    if (error.code === 'semester_closed') {
      setFailure({ kind: 'closed', attempt, message: error.message });
      return;
    }
    const entries = Object.entries(error.fields);
    if (error.code === 'invalid_request' && entries.length > 0) {
      const general: FormProblem[] = [];
      const marked: ActivityField[] = [];
      for (const [path, message] of entries) {
        const field = fieldOfPath(kind, path);
        if (field && !marked.includes(field)) {
          setError(field, { type: 'server', message });
          marked.push(field);
        } else if (!field) {
          general.push({ text: `${path}: ${message}` });
        }
      }
      setFailure({ kind: 'invalid', attempt, general });
      focusFirst(fields.filter((field) => marked.includes(field)));
      return;
    }
    setFailure({ kind: 'other', attempt, message: describeError(error) });
  };

  const reloadLatest = async () => {
    if (!onReloadLatest) return;
    try {
      const latest = await onReloadLatest();
      if (latest) reset(latest);
      setFailure(null);
      // The button is gone with the message: carry on from the top of the form.
      window.setTimeout(() => document.getElementById(activityControlId('date'))?.focus(), 0);
    } catch (error) {
      setFailure({ kind: 'other', attempt: Date.now(), message: describeError(error) });
    }
  };

  const problems: FormProblem[] =
    failure?.kind === 'invalid'
      ? [
          ...failure.general,
          ...inError(errors).map((field) => ({
            text: fieldError(field) ?? '',
            fieldId: activityControlId(field),
          })),
        ]
      : [];

  const label = (field: ActivityField) => t(`networks.activityForm.fields.${field}.label`);
  const hint = (field: HintedField) => t(`networks.activityForm.fields.${field}.hint`);

  return (
    <>
      {failure?.kind === 'stale' && (
        <div className="notice notice--error" role="alert">
          <h2 className="notice__title">{t('networks.activityForm.staleTitle')}</h2>
          <p>{t('networks.activityForm.staleBody')}</p>
          {onReloadLatest && (
            <button className="button" type="button" onClick={() => void reloadLatest()}>
              {t('networks.activityForm.reloadLatest')}
            </button>
          )}
        </div>
      )}
      {failure?.kind === 'closed' && (
        <div className="notice notice--error" role="alert">
          <h2 className="notice__title">{t('networks.activityForm.closedTitle')}</h2>
          <p>{failure.message}</p>
          <p>{t('networks.activityForm.closedBody')}</p>
        </div>
      )}
      {failure?.kind === 'other' && (
        <FormErrorSummary
          key={failure.attempt}
          title={t('networks.activityForm.failed')}
          problems={[{ text: failure.message }]}
        />
      )}
      {failure?.kind === 'invalid' && problems.length > 0 && (
        <FormErrorSummary
          key={failure.attempt}
          title={t('form.errorSummaryTitle')}
          problems={problems}
          takeFocus={false}
        />
      )}

      <form className="form form--wide" noValidate onSubmit={handleSubmit(onValid, onInvalid)}>
        <InputField
          id={activityControlId('date')}
          type="date"
          label={label('date')}
          hint={hint('date')}
          error={fieldError('date')}
          registration={register('date')}
        />

        {kind === 'meeting' && (
          <>
            <Controller
              control={control}
              name="convenedBy"
              render={({ field }) => (
                <ComboboxField
                  id={activityControlId('convenedBy')}
                  label={label('convenedBy')}
                  hint={hint('convenedBy')}
                  error={fieldError('convenedBy')}
                  options={stateOptions}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  inputRef={field.ref}
                />
              )}
            />
            <Controller
              control={control}
              name="participants"
              render={({ field }) => (
                <MultiComboboxField
                  id={activityControlId('participants')}
                  label={label('participants')}
                  hint={hint('participants')}
                  error={fieldError('participants')}
                  options={stateOptions}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  inputRef={field.ref}
                />
              )}
            />
            <Attendance
              error={fieldError('commissionPresent')}
              commission={register('commissionPresent')}
              ebcg={register('ebcgPresent')}
            />
            {absent && (
              <TextareaField
                id={activityControlId('absenceReason')}
                label={label('absenceReason')}
                hint={hint('absenceReason')}
                rows={3}
                error={fieldError('absenceReason')}
                registration={register('absenceReason')}
              />
            )}
          </>
        )}

        {kind === 'training' && (
          <>
            <ChoiceGroup
              id="activity-trainingKind"
              type="radio"
              legend={label('trainingKind')}
              error={fieldError('trainingKind')}
              choices={trainingKinds.map((value) => ({
                value,
                label: t(`networks.trainingKinds.${value}`),
              }))}
              registration={register('trainingKind')}
            />
            <TextareaField
              id={activityControlId('organisers')}
              label={label('organisers')}
              hint={hint('organisers')}
              rows={3}
              error={fieldError('organisers')}
              registration={register('organisers')}
            />
            <InputField
              id={activityControlId('participantCount')}
              type="number"
              label={label('participantCount')}
              hint={hint('participantCount')}
              error={fieldError('participantCount')}
              registration={register('participantCount')}
            />
          </>
        )}

        {kind === 'carrier_position' && (
          <>
            <TextareaField
              id={activityControlId('carriers')}
              label={label('carriers')}
              hint={hint('carriers')}
              rows={3}
              error={fieldError('carriers')}
              registration={register('carriers')}
            />
            <Controller
              control={control}
              name="states"
              render={({ field }) => (
                <MultiComboboxField
                  id={activityControlId('states')}
                  label={label('states')}
                  hint={hint('states')}
                  error={fieldError('states')}
                  options={stateOptions}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  inputRef={field.ref}
                />
              )}
            />
            <TextareaField
              id={activityControlId('position')}
              label={label('position')}
              error={fieldError('position')}
              registration={register('position')}
            />
          </>
        )}

        {kind === 'contact' && (
          <>
            <ChoiceGroup
              id="activity-counterpartType"
              type="radio"
              legend={label('counterpartType')}
              error={fieldError('counterpartType')}
              choices={contactCounterparts.map((value) => ({
                value,
                label: t(`networks.counterparts.${value}`),
              }))}
              registration={register('counterpartType')}
            />
            <InputField
              id={activityControlId('counterpart')}
              label={label('counterpart')}
              hint={hint('counterpart')}
              error={fieldError('counterpart')}
              registration={register('counterpart')}
            />
          </>
        )}

        {(kind === 'meeting' || kind === 'training') && (
          <TextareaField
            id={activityControlId('topics')}
            label={label('topics')}
            hint={hint('topics')}
            optional
            rows={3}
            error={fieldError('topics')}
            registration={register('topics')}
          />
        )}
        {kind !== 'carrier_position' && (
          <TextareaField
            id={activityControlId('summary')}
            label={label('summary')}
            optional={kind === 'training'}
            error={fieldError('summary')}
            registration={register('summary')}
          />
        )}

        <div className="button-row">
          <button className="button" type="submit" disabled={saving}>
            {saving ? t('networks.activityForm.saving') : submitLabel}
          </button>
          <Link className="button button--secondary" to={cancelTo}>
            {t('networks.activityForm.cancel')}
          </Link>
        </div>
        <p className="save-status" role="status">
          {saving ? t('networks.activityForm.saving') : failure ? t('networks.activityForm.notSaved') : ''}
        </p>
      </form>
      {guard.dialog}
    </>
  );
}

/**
 * Whether the Commission and the EBCG Agency attended: both are expected (Art. 4); the reason field
 * appears below as soon as either box is cleared, and the hint says so before anyone clears one.
 */
function Attendance({
  error,
  commission,
  ebcg,
}: {
  error: string | undefined;
  commission: UseFormRegisterReturn;
  ebcg: UseFormRegisterReturn;
}) {
  const { t } = useTranslation();
  const hintId = 'activity-attendance-hint';
  const errorId = 'activity-attendance-error';
  return (
    <fieldset
      className={error ? 'field choice-group field--invalid' : 'field choice-group'}
      aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}
    >
      <legend className="field__label choice-group__legend">
        {t('networks.activityForm.fields.attendance.label')}
      </legend>
      <p className="field__hint" id={hintId}>
        {t('networks.activityForm.fields.attendance.hint')}
      </p>
      <p className="field__error" id={errorId} aria-live="polite">
        {error}
      </p>
      <div className="choices">
        <div className="choice">
          <input
            className="choice__input"
            id={activityControlId('commissionPresent')}
            type="checkbox"
            {...commission}
          />
          <label className="choice__label" htmlFor={activityControlId('commissionPresent')}>
            {t('networks.activityForm.fields.attendance.commission')}
          </label>
        </div>
        <div className="choice">
          <input className="choice__input" id="activity-ebcgPresent" type="checkbox" {...ebcg} />
          <label className="choice__label" htmlFor="activity-ebcgPresent">
            {t('networks.activityForm.fields.attendance.ebcg')}
          </label>
        </div>
      </div>
    </fieldset>
  );
}

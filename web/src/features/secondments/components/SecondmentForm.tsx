import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Controller,
  type FieldError,
  type FieldErrors,
  get,
  type Resolver,
  type ResolverResult,
  useForm,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  createSecondmentSchema,
  LIMITS,
  missionTypes,
  type Secondment,
  type SecondmentFields,
  secondmentTasks,
  updateSecondmentSchema,
} from '#shared/secondments.ts';
import { ChoiceGroup, choiceId } from '../../../components/form/ChoiceGroup.tsx';
import { ComboboxField, MultiComboboxField } from '../../../components/form/Combobox.tsx';
import { FormErrorSummary, type FormProblem } from '../../../components/form/FormErrorSummary.tsx';
import { InputField, TextareaField } from '../../../components/form/FormField.tsx';
import { useUnsavedChangesGuard } from '../../../components/form/use-unsaved-changes-guard.tsx';
import { Dialog } from '../../../components/ui/Dialog.tsx';
import { paths, secondmentPath } from '../../../config/paths.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { formatInstant, formatTime } from '../../../lib/dates.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
import { secondmentQuery, useCreateSecondment, useUpdateSecondment } from '../api/secondments.ts';
import {
  clearDraft,
  draftKey,
  loadDraft,
  type SetAside,
  type StoredDraft,
  saveDraft,
} from '../utils/draft-store.ts';
import {
  changedFields,
  emptyFormValues,
  type FieldPath,
  fieldOfPath,
  fieldPaths,
  formValuesOf,
  type SecondmentFormValues,
  sameValues,
  toInput,
  withFields,
} from '../utils/form-values.ts';
import { fieldKeys, useCountryOptions, useLanguageOptions } from '../utils/text.ts';
import { TypedValues } from './TypedValues.tsx';

/** What a valid form yields: the request body, with the version read when editing. */
type Submission = SecondmentFields & { version?: number };

/** Where a navigation after saving lands, and what the secondment's page then says. */
export type SavedNotice = 'created' | 'updated' | 'amended';

const KEEP_DELAY_MS = 300;

/** The length and count limits the error messages quote. */
const limits: Partial<Record<FieldPath, number>> = {
  'post.city': LIMITS.city,
  authority: LIMITS.authority,
  'officer.name': LIMITS.officerName,
  'officer.phone': LIMITS.phone,
  taskDescription: LIMITS.taskDescription,
  regionalCoverage: LIMITS.regionalCoverage,
  languages: LIMITS.languages,
};

/** The id of the control of each field: error-summary links and "focus the first error" go there. */
function controlId(path: FieldPath): string {
  const base = `secondment-${path.replace('.', '-')}`;
  if (path === 'post.mission') return choiceId(base, missionTypes[0]);
  if (path === 'tasks') return choiceId(base, secondmentTasks[0]);
  return base;
}
const groupId = (path: 'post.mission' | 'tasks') => `secondment-${path.replace('.', '-')}`;

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

type Failure =
  | { kind: 'invalid'; attempt: number; general: FormProblem[] }
  | { kind: 'stale'; attempt: number }
  | { kind: 'not_editable'; attempt: number; message: string }
  | { kind: 'other'; attempt: number; message: string };

/** The message of a field's error, whether on the field or, for lists, on one of its items. */
function errorOf(errors: FieldErrors<SecondmentFormValues>, path: FieldPath): FieldError | undefined {
  const error = get(errors, path) as FieldError | (FieldError | undefined)[] | undefined;
  if (!error) return undefined;
  if (Array.isArray(error)) return error.find((item) => item?.message);
  if (error.message) return error;
  // An array field may carry its own error beside its items' (react-hook-form keeps it under `root`).
  const root = (error as { root?: FieldError }).root;
  return root ?? error;
}

interface SecondmentFormProps {
  organisation: string;
  /** The host countries to choose from (codes, from the reference data). */
  hostCountries: readonly string[];
  /** The secondment to edit; absent for a new one. */
  secondment?: Secondment | undefined;
}

/**
 * The notification of a secondment (Art. 3), new or edited. What is typed is kept in this browser as
 * it is typed and put back after a reload; it leaves the browser only when saved, and is never lost
 * to a refused save: errors are shown beside the fields, and a conflict with someone else's change
 * offers the latest version while keeping the person's text at hand.
 */
export function SecondmentForm({ organisation, hostCountries, secondment }: SecondmentFormProps) {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const describeError = useErrorMessage();
  const createSecondment = useCreateSecondment();
  const updateSecondment = useUpdateSecondment(secondment?.id ?? '');
  const hostCountryOptions = useCountryOptions(hostCountries);
  const languageOptions = useLanguageOptions();

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
  // The saved state the edits start from: its values (what the person changed is the difference) and
  // its version (sent with the save, so that a change by someone else meanwhile is refused, not overwritten).
  const base = useRef(initial.base);
  const version = useRef<number | null>(initial.base.version);
  const [keptAt, setKeptAt] = useState<string | null>(initial.stored?.savedAt ?? null);
  const [storageRefused, setStorageRefused] = useState(false);
  const [setAside, setSetAside] = useState<SetAside | null>(initial.stored?.setAside ?? null);
  const setAsideRef = useRef(setAside);
  setAsideRef.current = setAside;
  const [reloadedVersion, setReloadedVersion] = useState<number | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const conflictHeading = useRef<HTMLHeadingElement>(null);
  const restoredFrom = initial.stored;

  const resolver = useMemo(() => secondmentResolver(() => version.current), []);
  const {
    register,
    control,
    handleSubmit,
    getValues,
    reset,
    setError,
    watch,
    formState: { errors },
  } = useForm<SecondmentFormValues, unknown, Submission>({
    resolver,
    defaultValues: initial.stored?.values ?? initial.base.values,
    shouldFocusError: false,
  });
  const hostCountry = watch('hostCountry');
  const coverageOptions = useMemo(
    () => hostCountryOptions.filter((option) => option.value !== hostCountry),
    [hostCountryOptions, hostCountry],
  );

  // Keeping the draft: shortly after each change, and at once when the page is hidden or left.
  const keepTimer = useRef<number | undefined>(undefined);
  const keepNow = useCallback(() => {
    window.clearTimeout(keepTimer.current);
    keepTimer.current = undefined;
    const values = getValues();
    const aside = setAsideRef.current;
    if (!aside && sameValues(values, base.current.values)) {
      clearDraft(storageKey);
      setKeptAt(null);
      return;
    }
    const draft: StoredDraft = {
      values,
      baseVersion: version.current,
      baseValues: base.current.values,
      savedAt: new Date().toISOString(),
      ...(aside ? { setAside: aside } : {}),
    };
    setStorageRefused(!saveDraft(storageKey, draft));
    setKeptAt(draft.savedAt);
  }, [getValues, storageKey]);
  const pendingKeep = useRef(false);
  const flushKeep = useCallback(() => {
    if (pendingKeep.current) {
      pendingKeep.current = false;
      keepNow();
    }
  }, [keepNow]);

  useEffect(() => {
    const subscription = watch((_values, { type }) => {
      // Only the person's own changes: a reset (reload, discard) is kept explicitly.
      if (type !== 'change') return;
      pendingKeep.current = true;
      window.clearTimeout(keepTimer.current);
      keepTimer.current = window.setTimeout(flushKeep, KEEP_DELAY_MS);
    });
    window.addEventListener('pagehide', flushKeep);
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flushKeep();
    };
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      subscription.unsubscribe();
      window.removeEventListener('pagehide', flushKeep);
      document.removeEventListener('visibilitychange', onHidden);
      flushKeep();
    };
  }, [watch, flushKeep]);

  const hasUnsavedChanges = keptAt !== null;
  const guard = useUnsavedChangesGuard(hasUnsavedChanges, t('secondments.form.unsavedMessage'));

  const fieldError = (path: FieldPath): string | undefined => {
    const error = errorOf(errors, path);
    if (!error) return undefined;
    if (error.type === 'server') return error.message;
    return translatedError(path, error.type);
  };

  const translatedError = (path: FieldPath, type: string): string => {
    if (path === 'endDate' && type === 'custom') return t('secondments.errors.endDateBeforeStart');
    if (path === 'regionalCoverage' && type === 'custom') return t('secondments.errors.regionalCoverageHost');
    return t(`secondments.errors.${fieldKeys[path]}`, { max: limits[path] });
  };

  /** Focus the first field in error, in the order of the page. */
  const focusFirstError = (paths: readonly FieldPath[]) => {
    const controls = paths
      .map((path) => document.getElementById(controlId(path)))
      .filter((element): element is HTMLElement => element !== null)
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    controls[0]?.focus();
  };

  const pathsInError = (found: FieldErrors<SecondmentFormValues>) =>
    fieldPaths.filter((path) => errorOf(found, path) !== undefined);

  const onInvalid = (found: FieldErrors<SecondmentFormValues>) => {
    setFailure({ kind: 'invalid', attempt: Date.now(), general: [] });
    focusFirstError(pathsInError(found));
  };

  const onValid = async (submission: Submission) => {
    setFailure(null);
    setSaving(true);
    try {
      const saved =
        secondment && submission.version !== undefined
          ? await updateSecondment.mutateAsync({ ...submission, version: submission.version })
          : await createSecondment.mutateAsync(submission);
      window.clearTimeout(keepTimer.current);
      pendingKeep.current = false;
      clearDraft(storageKey);
      guard.allowNavigation();
      let notice: SavedNotice = 'created';
      if (secondment) notice = secondment.status === 'draft' ? 'updated' : 'amended';
      void navigate(secondmentPath(saved.id), { state: { saved: notice } });
    } catch (error) {
      // Everything typed stays on screen and in this browser; only the messages change.
      flushKeep();
      setSaving(false);
      onSaveFailed(error);
    }
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
    const fields = Object.entries(error.fields);
    if (error.code === 'invalid_request' && fields.length > 0) {
      const general: FormProblem[] = [];
      const marked: FieldPath[] = [];
      for (const [path, message] of fields) {
        const field = fieldOfPath(path);
        if (field) {
          setError(field, { type: 'server', message });
          marked.push(field);
        } else {
          general.push({ text: `${path}: ${message}` });
        }
      }
      setFailure({ kind: 'invalid', attempt, general });
      focusFirstError(marked);
      return;
    }
    setFailure({ kind: 'other', attempt, message: describeError(error) });
  };

  /** After a conflict: show the latest version, and set what the person typed aside, at hand. */
  const reloadLatest = async () => {
    if (!secondment) return;
    try {
      const latest = await queryClient.fetchQuery({ ...secondmentQuery(secondment.id), staleTime: 0 });
      const yours: SetAside = { values: getValues(), base: base.current.values };
      const latestValues = formValuesOf(latest);
      base.current = { values: latestValues, version: latest.version };
      version.current = latest.version;
      setAsideRef.current = yours;
      setSetAside(yours);
      reset(latestValues);
      keepNow();
      setReloadedVersion(latest.version);
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

  /** The latest version with the person's own changes laid over it: fields they did not touch keep the newer values. */
  const putBack = () => {
    if (!setAside) return;
    reset(withFields(base.current.values, setAside.values, changedFields(setAside.base, setAside.values)), {
      keepDefaultValues: true,
    });
    setAsideRef.current = null;
    setSetAside(null);
    setReloadedVersion(null);
    keepNow();
    window.setTimeout(() => document.getElementById(controlId('hostCountry'))?.focus(), 0);
  };

  const dropSetAside = () => {
    setAsideRef.current = null;
    setSetAside(null);
    setReloadedVersion(null);
    keepNow();
  };

  const discard = () => {
    setDiscarding(false);
    window.clearTimeout(keepTimer.current);
    pendingKeep.current = false;
    clearDraft(storageKey);
    setAsideRef.current = null;
    setSetAside(null);
    setReloadedVersion(null);
    setFailure(null);
    version.current = base.current.version;
    reset(base.current.values);
    setKeptAt(null);
  };

  const problems: FormProblem[] =
    failure?.kind === 'invalid'
      ? [
          ...failure.general,
          ...pathsInError(errors).map((path) => ({
            text: fieldError(path) ?? '',
            fieldId: controlId(path),
          })),
        ]
      : [];

  const isAmendment = secondment !== undefined && secondment.status !== 'draft';
  let submitLabel = t('secondments.form.saveDraft');
  if (isAmendment) submitLabel = t('secondments.form.saveAmendment');
  let saveStatus = '';
  if (saving) saveStatus = t('secondments.form.saving');
  else if (failure) saveStatus = t('secondments.form.notSaved');

  const otherVersionSaved =
    restoredFrom &&
    secondment &&
    restoredFrom.baseVersion !== null &&
    restoredFrom.baseVersion < secondment.version;

  return (
    <>
      {restoredFrom && keptAt && (
        <div className="notice" role="status">
          <p>{t('secondments.form.restored', { when: formatInstant(restoredFrom.savedAt, language) })}</p>
          {otherVersionSaved && (
            <p>{t('secondments.form.restoredOutdated', { version: secondment.version })}</p>
          )}
        </div>
      )}

      {failure?.kind === 'stale' && (
        <div className="notice notice--error" role="alert">
          <h2 className="notice__title">{t('secondments.form.staleTitle')}</h2>
          <p>{t('secondments.form.staleBody')}</p>
          <button className="button" type="button" onClick={() => void reloadLatest()}>
            {t('secondments.form.reloadLatest')}
          </button>
        </div>
      )}

      {failure?.kind === 'not_editable' && secondment && (
        <div className="notice notice--error" role="alert">
          <h2 className="notice__title">{t('secondments.form.notEditableTitle')}</h2>
          <p>{failure.message}</p>
          <p>{t('secondments.form.notEditableBody')}</p>
          <p>
            <Link to={secondmentPath(secondment.id)}>{t('secondments.form.toSecondment')}</Link>
          </p>
        </div>
      )}

      {failure?.kind === 'other' && (
        <FormErrorSummary
          key={failure.attempt}
          title={t('secondments.form.failed')}
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

      {setAside && (
        <section className="notice set-aside" aria-labelledby="set-aside-title">
          <h2 className="notice__title" id="set-aside-title" ref={conflictHeading} tabIndex={-1}>
            {reloadedVersion === null
              ? t('secondments.form.setAsideTitle')
              : t('secondments.form.reloadedTitle', { version: reloadedVersion })}
          </h2>
          <p>{t('secondments.form.reloadedBody')}</p>
          <TypedValues
            caption={t('secondments.form.compareCaption')}
            yours={setAside.values}
            theirs={base.current.values}
            theirsHeading={t('secondments.form.compareLatest')}
            fields={changedFields(setAside.base, setAside.values)}
          />
          <div className="button-row">
            <button className="button" type="button" onClick={putBack}>
              {t('secondments.form.putBack')}
            </button>
            <button className="button button--secondary" type="button" onClick={dropSetAside}>
              {t('secondments.form.dropSetAside')}
            </button>
          </div>
        </section>
      )}

      <form className="form form--wide" noValidate onSubmit={handleSubmit(onValid, onInvalid)}>
        <p className="draft-note">
          {keptAt
            ? t('secondments.form.keptAt', { time: formatTime(keptAt, language) })
            : t('secondments.form.keptHint')}
        </p>
        {storageRefused && (
          <p className="draft-note draft-note--warning">{t('secondments.form.storageRefused')}</p>
        )}

        <h2 className="form__section">{t('secondments.form.sectionPost')}</h2>
        <Controller
          control={control}
          name="hostCountry"
          render={({ field }) => (
            <ComboboxField
              id={controlId('hostCountry')}
              label={t('secondments.fields.hostCountry.label')}
              hint={t('secondments.fields.hostCountry.hint')}
              error={fieldError('hostCountry')}
              options={hostCountryOptions}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
            />
          )}
        />
        <InputField
          id={controlId('post.city')}
          label={t('secondments.fields.postCity.label')}
          error={fieldError('post.city')}
          registration={register('post.city')}
        />
        <ChoiceGroup
          id={groupId('post.mission')}
          type="radio"
          legend={t('secondments.fields.postMission.label')}
          error={fieldError('post.mission')}
          choices={missionTypes.map((mission) => ({
            value: mission,
            label: t(`secondments.missions.${mission}`),
          }))}
          registration={register('post.mission')}
        />
        <Controller
          control={control}
          name="regionalCoverage"
          render={({ field }) => (
            <MultiComboboxField
              id={controlId('regionalCoverage')}
              label={t('secondments.fields.regionalCoverage.label')}
              hint={t('secondments.fields.regionalCoverage.hint')}
              optional
              error={fieldError('regionalCoverage')}
              options={coverageOptions}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
            />
          )}
        />

        <h2 className="form__section">{t('secondments.form.sectionOfficer')}</h2>
        <InputField
          id={controlId('authority')}
          label={t('secondments.fields.authority.label')}
          hint={t('secondments.fields.authority.hint')}
          error={fieldError('authority')}
          registration={register('authority')}
        />
        <InputField
          id={controlId('officer.name')}
          label={t('secondments.fields.officerName.label')}
          hint={t('secondments.form.officerPrivacy')}
          autoComplete="off"
          error={fieldError('officer.name')}
          registration={register('officer.name')}
        />
        <InputField
          id={controlId('officer.email')}
          type="email"
          label={t('secondments.fields.officerEmail.label')}
          optional
          autoComplete="off"
          error={fieldError('officer.email')}
          registration={register('officer.email')}
        />
        <InputField
          id={controlId('officer.phone')}
          type="tel"
          label={t('secondments.fields.officerPhone.label')}
          hint={t('secondments.fields.officerPhone.hint')}
          optional
          autoComplete="off"
          error={fieldError('officer.phone')}
          registration={register('officer.phone')}
        />

        <h2 className="form__section">{t('secondments.form.sectionPeriod')}</h2>
        <InputField
          id={controlId('startDate')}
          type="date"
          label={t('secondments.fields.startDate.label')}
          hint={t('secondments.fields.startDate.hint')}
          error={fieldError('startDate')}
          registration={register('startDate')}
        />
        <InputField
          id={controlId('endDate')}
          type="date"
          label={t('secondments.fields.endDate.label')}
          hint={t('secondments.fields.endDate.hint')}
          optional
          error={fieldError('endDate')}
          registration={register('endDate')}
        />

        <h2 className="form__section">{t('secondments.form.sectionTasks')}</h2>
        <ChoiceGroup
          id={groupId('tasks')}
          type="checkbox"
          legend={t('secondments.fields.tasks.label')}
          hint={t('secondments.fields.tasks.hint')}
          error={fieldError('tasks')}
          choices={secondmentTasks.map((task) => ({
            value: task,
            label: t(`secondments.tasks.${task}.label`),
            hint: t(`secondments.tasks.${task}.description`),
          }))}
          registration={register('tasks')}
        />
        <TextareaField
          id={controlId('taskDescription')}
          label={t('secondments.fields.taskDescription.label')}
          hint={t('secondments.fields.taskDescription.hint', { max: LIMITS.taskDescription })}
          optional
          error={fieldError('taskDescription')}
          registration={register('taskDescription')}
        />
        <Controller
          control={control}
          name="languages"
          render={({ field }) => (
            <MultiComboboxField
              id={controlId('languages')}
              label={t('secondments.fields.languages.label')}
              hint={t('secondments.fields.languages.hint')}
              optional
              error={fieldError('languages')}
              options={languageOptions}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
            />
          )}
        />

        {isAmendment && (
          <p className="notice">
            {t('secondments.form.amendmentWarning', { version: (secondment?.version ?? 0) + 1 })}
          </p>
        )}
        <div className="button-row">
          <button className="button" type="submit" disabled={saving}>
            {saving ? t('secondments.form.saving') : submitLabel}
          </button>
          <Link
            className="button button--secondary"
            to={secondment ? secondmentPath(secondment.id) : paths.secondments}
          >
            {t('secondments.form.cancel')}
          </Link>
          {keptAt && (
            <button className="button button--secondary" type="button" onClick={() => setDiscarding(true)}>
              {t('secondments.form.discard')}
            </button>
          )}
        </div>
        <p className="save-status" role="status">
          {saveStatus}
        </p>
      </form>

      <Dialog
        open={discarding}
        title={t('secondments.form.discardTitle')}
        onClose={() => setDiscarding(false)}
      >
        <p>{t('secondments.form.discardBody')}</p>
        <div className="button-row">
          <button
            className="button button--secondary"
            type="button"
            data-autofocus
            onClick={() => setDiscarding(false)}
          >
            {t('secondments.form.discardCancel')}
          </button>
          <button className="button button--danger" type="button" onClick={discard}>
            {t('secondments.form.discardConfirm')}
          </button>
        </div>
      </Dialog>
      {guard.dialog}
    </>
  );
}

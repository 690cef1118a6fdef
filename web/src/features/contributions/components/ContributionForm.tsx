import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { get, useForm, useFormState } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Contribution } from '#shared/contributions.ts';
import { type ReportTemplate, templateFields } from '#shared/report-templates.ts';
import { FormErrorSummary, type FormProblem } from '../../../components/form/FormErrorSummary.tsx';
import { useUnsavedChangesGuard } from '../../../components/form/use-unsaved-changes-guard.tsx';
import { Dialog } from '../../../components/ui/Dialog.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { formatInstant } from '../../../lib/dates.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
import { contributionQuery, useContributionTransition, useSaveContribution } from '../api/contributions.ts';
import { formatSavedAt, useProblemText } from '../utils/display.ts';
import {
  contributionDraftKey,
  forgetStoredContribution,
  loadStoredContribution,
  type SetAside,
  storeContribution,
} from '../utils/draft-store.ts';
import {
  apiValues,
  changedFieldIds,
  controlId,
  type FlatValues,
  type FormValues,
  fieldOfPath,
  flatValuesOf,
  flatValuesOfForm,
  formValuesOf,
  signatureOf,
  withFields,
} from '../utils/form-values.ts';
import { type Problem, problemsOf, problemsOfServer } from '../utils/problems.ts';
import { ChangesTable } from './ChangesTable.tsx';
import { TemplateSections } from './TemplateSections.tsx';

/** Saved this long after the last keystroke (and at once when a field is left). */
export const SAVE_DELAY_MS = 1500;
/** The browser's copy is written this long after a keystroke (and at once when the page is hidden). */
const KEEP_DELAY_MS = 300;
/** After a failure the server may recover from (no connection, 5xx), saving is tried again after this. */
const RETRY_DELAY_MS = 15_000;

type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'invalid'; count: number }
  | { kind: 'failed'; message: string }
  | { kind: 'stale' };

interface SubmitFailure {
  attempt: number;
  problems: Problem[];
  general: string[];
}

interface ContributionFormProps {
  organisation: string;
  template: ReportTemplate;
  contribution: Contribution;
  /** The contribution as the server now has it (after a save, a submission, a reload). */
  onChange: (contribution: Contribution) => void;
  /** Submitted: the page turns read-only. */
  onSubmitted: (contribution: Contribution) => void;
}

/** What the form starts from: the saved contribution, or what this browser kept of the person's typing. */
function startingPoint(template: ReportTemplate, contribution: Contribution, storageKey: string) {
  const saved = flatValuesOf(template, contribution.values);
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

/**
 * A state's contribution, generated from the template. It saves itself as the person types (shortly
 * after the last keystroke, and on leaving a field), sending the version it read, and keeps a copy in
 * this browser until the server has it, so that nothing typed is ever lost: not to a reload, a lost
 * connection, a refused save, or a newer version saved in another tab or by a colleague.
 */
export function ContributionForm({
  organisation,
  template,
  contribution,
  onChange,
  onSubmitted,
}: ContributionFormProps) {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  const queryClient = useQueryClient();
  const describeError = useErrorMessage();
  const problemText = useProblemText();
  const save = useSaveContribution(contribution);
  const transition = useContributionTransition(contribution);
  const storageKey = contributionDraftKey(organisation, contribution);

  const [initial] = useState(() => startingPoint(template, contribution, storageKey));
  // The server's state the edits build on: its version (sent with each save) and its values.
  const version = useRef(contribution.version);
  const base = useRef<FlatValues>(flatValuesOf(template, contribution.values));
  const savedSignature = useRef(signatureOf(template, base.current));
  const lastSavedAt = useRef(contribution.savedAt);
  const blocked = useRef<'stale' | 'locked' | null>(null);
  const running = useRef<Promise<boolean> | null>(null);
  const saveTimer = useRef<number | undefined>(undefined);
  const keepTimer = useRef<number | undefined>(undefined);
  const resetting = useRef(false);
  const mounted = useRef(true);

  // Changes typed and not yet sent (waiting for the pause before saving).
  const [pending, setPending] = useState(initial.restoredAt !== null && !initial.outdated);
  const [status, setStatus] = useState<SaveStatus>(
    contribution.savedAt ? { kind: 'saved', at: contribution.savedAt } : { kind: 'idle' },
  );
  const [draftProblems, setDraftProblems] = useState<Problem[]>([]);
  const draftProblemKey = useRef('');
  const [submitFailure, setSubmitFailure] = useState<SubmitFailure | null>(null);
  const [setAside, setSetAsideState] = useState<SetAside | null>(initial.setAside);
  const setAsideRef = useRef(setAside);
  const [reloadedVersion, setReloadedVersion] = useState<number | null>(
    initial.outdated ? contribution.version : null,
  );
  const [storageRefused, setStorageRefused] = useState(false);
  const [confirmingSubmit, setConfirmingSubmit] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const setAsideHeading = useRef<HTMLHeadingElement>(null);

  const updateSetAside = (next: SetAside | null) => {
    setAsideRef.current = next;
    setSetAsideState(next);
  };

  const { register, control, getValues, reset, watch } = useForm<FormValues>({
    defaultValues: formValuesOf(template, initial.values),
    shouldFocusError: false,
  });
  const { touchedFields } = useFormState({ control });
  const currentValues = useCallback(() => flatValuesOfForm(template, getValues()), [getValues, template]);

  // ---- the browser's copy ---------------------------------------------------------------------
  const keepNow = useCallback(() => {
    window.clearTimeout(keepTimer.current);
    keepTimer.current = undefined;
    const values = currentValues();
    const aside = setAsideRef.current;
    if (!aside && signatureOf(template, values) === savedSignature.current) {
      forgetStoredContribution(storageKey);
      return;
    }
    const stored = storeContribution(storageKey, {
      values,
      baseVersion: version.current,
      baseValues: base.current,
      keptAt: new Date().toISOString(),
      ...(aside ? { setAside: aside } : {}),
    });
    if (mounted.current) setStorageRefused(!stored);
  }, [currentValues, storageKey, template]);

  // ---- saving ---------------------------------------------------------------------------------
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

  const saveOnce = async (): Promise<boolean> => {
    const values = currentValues();
    const sent = apiValues(template, values);
    const signature = JSON.stringify(sent.values);
    if (signature === savedSignature.current) {
      // Nothing to send: back where the last save left it (an entry corrected back, say).
      refreshProblems(values);
      setStatus((current) => {
        if (current.kind === 'saved' || current.kind === 'idle') return current;
        return lastSavedAt.current ? { kind: 'saved', at: lastSavedAt.current } : { kind: 'idle' };
      });
      return true;
    }
    const problems = refreshProblems(values);
    if (problems.length > 0) {
      setStatus({ kind: 'invalid', count: problems.length });
      keepNow();
      return false;
    }
    setStatus({ kind: 'saving' });
    try {
      const saved = await save.mutateAsync({
        templateVersion: contribution.templateVersion,
        version: version.current,
        values: sent.values,
      });
      version.current = saved.version;
      savedSignature.current = signature;
      base.current = values;
      lastSavedAt.current = saved.savedAt ?? new Date().toISOString();
      onChange(saved);
      setStatus({ kind: 'saved', at: lastSavedAt.current });
      keepNow();
      return signatureOf(template, currentValues()) === signature;
    } catch (error) {
      keepNow();
      await onSaveFailed(error, values);
      return false;
    }
  };

  const onSaveFailed = async (error: unknown, sent: FlatValues) => {
    if (!(error instanceof ApiError)) {
      setStatus({ kind: 'failed', message: describeError(error) });
      return;
    }
    if (error.code === 'stale_version') {
      blocked.current = 'stale';
      setStatus({ kind: 'stale' });
      return;
    }
    if (error.code === 'semester_closed' || error.code === 'already_submitted' || error.status === 403) {
      // It can no longer be changed (here): the page shows why, and what was typed, kept in this browser.
      blocked.current = 'locked';
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
    if (error.isTransient) {
      window.clearTimeout(saveTimer.current);
      saveTimer.current = window.setTimeout(() => void saveNow(), RETRY_DELAY_MS);
    }
  };

  /** Saves what the form holds now, after any save under way; true when the server then holds it all. */
  const saveNow = async (): Promise<boolean> => {
    window.clearTimeout(saveTimer.current);
    saveTimer.current = undefined;
    setPending(false);
    while (running.current) await running.current;
    if (blocked.current) return false;
    const attempt = saveOnce();
    running.current = attempt;
    try {
      return await attempt;
    } finally {
      running.current = null;
    }
  };
  const saveNowRef = useRef(saveNow);
  saveNowRef.current = saveNow;

  // Every change: the copy in this browser soon, a save a little later; a submission's complaint about
  // the field is dropped, since the person is dealing with it.
  useEffect(() => {
    const subscription = watch((_values, { name }) => {
      if (resetting.current) return;
      window.clearTimeout(keepTimer.current);
      keepTimer.current = window.setTimeout(keepNow, KEEP_DELAY_MS);
      window.clearTimeout(saveTimer.current);
      saveTimer.current = window.setTimeout(() => void saveNowRef.current(), SAVE_DELAY_MS);
      setPending(true);
      refreshProblems(currentValues());
      const field = name ? fieldOfPath(template, name) : undefined;
      if (field) {
        setSubmitFailure((failure) => {
          if (!failure?.problems.some((problem) => problem.fieldId === field.id)) return failure;
          return { ...failure, problems: failure.problems.filter((problem) => problem.fieldId !== field.id) };
        });
      }
    });
    const flush = () => {
      if (keepTimer.current !== undefined) keepNow();
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      subscription.unsubscribe();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [watch, keepNow, refreshProblems, currentValues, template]);

  // On arrival with text restored from this browser, save it; on leaving the page, save what is pending.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on arrival and departure.
  useEffect(() => {
    mounted.current = true;
    if (initial.restoredAt && !initial.outdated) void saveNowRef.current();
    return () => {
      mounted.current = false;
      const pending = saveTimer.current !== undefined || keepTimer.current !== undefined;
      keepNow();
      if (pending) void saveNowRef.current();
    };
  }, []);

  // Leaving a field with changes not yet sent saves them at once.
  const onBlur = () => {
    if (saveTimer.current !== undefined) void saveNow();
  };

  // ---- conflicts ------------------------------------------------------------------------------
  const resetTo = (values: FlatValues) => {
    resetting.current = true;
    reset(formValuesOf(template, values));
    resetting.current = false;
  };

  /** After a conflict: the form shows the latest version; what the person typed is set aside, at hand. */
  const reloadLatest = async () => {
    try {
      const latest = await queryClient.fetchQuery({ ...contributionQuery(contribution), staleTime: 0 });
      const yours: SetAside = { values: currentValues(), base: base.current };
      const latestValues = flatValuesOf(template, latest.values);
      version.current = latest.version;
      base.current = latestValues;
      savedSignature.current = signatureOf(template, latestValues);
      blocked.current = null;
      updateSetAside(yours);
      resetTo(latestValues);
      keepNow();
      setReloadedVersion(latest.version);
      lastSavedAt.current = latest.savedAt;
      setStatus(latest.savedAt ? { kind: 'saved', at: latest.savedAt } : { kind: 'idle' });
      onChange(latest);
      window.setTimeout(() => setAsideHeading.current?.focus(), 0);
    } catch (error) {
      setStatus({ kind: 'failed', message: describeError(error) });
    }
  };

  /** The latest version with the person's own changes laid over it: fields they did not change keep the newer values. */
  const putBack = () => {
    if (!setAside) return;
    const changed = changedFieldIds(template, setAside.base, setAside.values);
    resetTo(withFields(base.current, setAside.values, changed));
    updateSetAside(null);
    setReloadedVersion(null);
    keepNow();
    void saveNow();
    const first = changed[0];
    if (first) window.setTimeout(() => document.getElementById(controlId(first))?.focus(), 0);
  };

  const dropSetAside = () => {
    updateSetAside(null);
    setReloadedVersion(null);
    keepNow();
  };

  // ---- submission -----------------------------------------------------------------------------
  // A refused submission closes the dialog first; its problems appear once the dialog has closed, so
  // that the error summary takes focus after the browser has handed focus back to the page.
  const pendingFailure = useRef<SubmitFailure | null>(null);
  const submitFailed = (failure: SubmitFailure | null) => {
    pendingFailure.current = failure;
    setSubmitting(false);
    setConfirmingSubmit(false);
  };
  const onSubmitDialogClosed = () => {
    setConfirmingSubmit(false);
    const failure = pendingFailure.current;
    pendingFailure.current = null;
    if (failure) setSubmitFailure(failure);
  };

  const submit = async () => {
    setSubmitting(true);
    const savedAll = await saveNow();
    // What the server checks is what it holds, which is now what the form holds.
    const sent = currentValues();
    if (!savedAll) {
      submitFailed({ attempt: Date.now(), problems: [], general: [t('contributions.submit.notSavedFirst')] });
      return;
    }
    try {
      const submitted = await transition.mutateAsync({ action: 'submit', version: version.current });
      window.clearTimeout(saveTimer.current);
      window.clearTimeout(keepTimer.current);
      saveTimer.current = undefined;
      keepTimer.current = undefined;
      blocked.current = 'locked';
      forgetStoredContribution(storageKey);
      guard.allowNavigation();
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
        blocked.current = 'stale';
        setStatus({ kind: 'stale' });
        return;
      }
      submitFailed({ attempt: Date.now(), problems: [], general: [describeError(error)] });
      if (
        error instanceof ApiError &&
        (error.code === 'already_submitted' || error.code === 'semester_closed')
      ) {
        try {
          onChange(await queryClient.fetchQuery({ ...contributionQuery(contribution), staleTime: 0 }));
        } catch {
          // The message says why; the page stays as it is.
        }
      }
    }
  };

  // ---- what the page shows --------------------------------------------------------------------
  const submitProblems = new Map((submitFailure?.problems ?? []).map((problem) => [problem.path, problem]));
  const draftProblemsByPath = new Map(draftProblems.map((problem) => [problem.path, problem]));
  const errorFor = (path: string): string | undefined => {
    const submitted = submitProblems.get(path);
    if (submitted) return problemText.message(submitted);
    const draft = draftProblemsByPath.get(path);
    if (!draft) return undefined;
    // A draft's problem shows once the person has left that field, or the row of a table they were
    // filling in (or when the server named it): not while they are still typing it.
    if (draft.type === 'server' || get(touchedFields, path)) return problemText.message(draft);
    if (draft.row !== undefined) {
      const row = `${draft.fieldId}.${draft.row}`;
      const touchedRow = get(touchedFields, row) as Record<string, unknown> | undefined;
      const inRow = document.activeElement?.id.startsWith(`${controlId(row)}-`) ?? false;
      if (touchedRow && Object.values(touchedRow).some(Boolean) && !inRow) return problemText.message(draft);
    }
    return undefined;
  };

  const fieldsById = new Map(templateFields(template).map((field) => [field.id, field]));
  const summaryProblems: FormProblem[] = submitFailure
    ? [
        ...submitFailure.general.map((text) => ({ text })),
        ...submitFailure.problems.map((problem) => ({
          text: problemText.summary(problem, fieldsById.get(problem.fieldId)),
          fieldId: controlId(problem.path),
        })),
      ]
    : [];

  const unsaved =
    status.kind === 'invalid' || status.kind === 'failed' || status.kind === 'stale' || setAside !== null;
  const guard = useUnsavedChangesGuard(unsaved, t('contributions.form.unsavedMessage'));

  let statusText = '';
  switch (status.kind) {
    case 'saving':
      statusText = t('contributions.status.saving');
      break;
    case 'saved':
      statusText = t('contributions.status.saved', { time: formatSavedAt(status.at, language) });
      break;
    case 'invalid':
      statusText = t('contributions.status.invalid', { count: status.count });
      break;
    case 'failed':
      statusText = t('contributions.status.failed', { reason: status.message });
      break;
    case 'stale':
      statusText = t('contributions.status.stale');
      break;
    default:
      statusText = t('contributions.status.notYet');
  }

  const canSubmit = contribution.allowed.includes('submit');
  const changed = setAside ? changedFieldIds(template, setAside.base, setAside.values) : [];

  return (
    <>
      {initial.restoredAt && !initial.outdated && (
        <div className="notice" role="status">
          <p>{t('contributions.form.restored', { when: formatInstant(initial.restoredAt, language) })}</p>
        </div>
      )}

      {status.kind === 'stale' && (
        <div className="notice notice--error" role="alert">
          <h2 className="notice__title">{t('contributions.form.staleTitle')}</h2>
          <p>{t('contributions.form.staleBody')}</p>
          <button className="button" type="button" onClick={() => void reloadLatest()}>
            {t('contributions.form.reloadLatest')}
          </button>
        </div>
      )}

      {setAside && (
        <section className="notice set-aside" aria-labelledby="contribution-set-aside">
          <h2 className="notice__title" id="contribution-set-aside" ref={setAsideHeading} tabIndex={-1}>
            {reloadedVersion === null
              ? t('contributions.form.setAsideTitle')
              : t('contributions.form.reloadedTitle', { version: reloadedVersion })}
          </h2>
          <p>
            {initial.outdated && reloadedVersion === contribution.version
              ? t('contributions.form.outdatedBody')
              : t('contributions.form.reloadedBody')}
          </p>
          <ChangesTable
            template={template}
            fieldIds={changed}
            yours={setAside.values}
            theirs={base.current}
          />
          <div className="button-row">
            <button className="button" type="button" onClick={putBack}>
              {t('contributions.form.putBack')}
            </button>
            <button className="button button--secondary" type="button" onClick={dropSetAside}>
              {t('contributions.form.dropSetAside')}
            </button>
          </div>
        </section>
      )}

      {submitFailure && summaryProblems.length > 0 && (
        <FormErrorSummary
          key={submitFailure.attempt}
          title={t('contributions.submit.problemsTitle')}
          problems={summaryProblems}
        />
      )}

      <form
        className="form contribution-form"
        noValidate
        aria-labelledby="contribution-form-title"
        onSubmit={(event) => event.preventDefault()}
        onBlur={onBlur}
      >
        <h2 className="visually-hidden" id="contribution-form-title">
          {t('contributions.form.title')}
        </h2>
        <p className="draft-note">{t('contributions.form.autosaveNote')}</p>
        {storageRefused && (
          <p className="draft-note draft-note--warning">{t('contributions.form.storageRefused')}</p>
        )}

        <TemplateSections
          template={template}
          records={contribution.records}
          fields={{ control, register, errorFor }}
        />

        <div className="autosave-bar" data-save-state={pending ? 'pending' : status.kind}>
          <p className="save-status" role="status">
            {statusText}
          </p>
          {canSubmit && (
            <button
              className="button"
              type="button"
              onClick={() => {
                setConfirmingSubmit(true);
              }}
            >
              {t('contributions.submit.button')}
            </button>
          )}
        </div>
      </form>

      <Dialog open={confirmingSubmit} title={t('contributions.submit.title')} onClose={onSubmitDialogClosed}>
        <p>{t('contributions.submit.body')}</p>
        {submitting && <p role="status">{t('contributions.submit.working')}</p>}
        <div className="button-row">
          <button
            className="button"
            type="button"
            data-autofocus
            disabled={submitting}
            onClick={() => void submit()}
          >
            {submitting ? t('contributions.submit.working') : t('contributions.submit.confirm')}
          </button>
          <button
            className="button button--secondary"
            type="button"
            disabled={submitting}
            onClick={() => setConfirmingSubmit(false)}
          >
            {t('contributions.submit.cancel')}
          </button>
        </div>
      </Dialog>
      {guard.dialog}
    </>
  );
}

import { useId, useRef, useState } from 'react';
import { type Resolver, type ResolverResult, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary } from '../../../components/form/FormErrorSummary.tsx';
import { TextareaField } from '../../../components/form/FormField.tsx';
import { useUnsavedChangesGuard } from '../../../components/form/use-unsaved-changes-guard.tsx';
import { Dialog } from '../../../components/ui/Dialog.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { formatTime } from '../../../lib/dates.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
import { type Report, useFinaliseReport, useReport, useSaveAssessment } from '../api/reports.ts';

/** The API's limit on an assessment (shared/reports.ts). */
const MAX_LENGTH = 20_000;
const FIELD_ID = 'report-assessment';

interface Values {
  assessment: string;
}

type Failure =
  | { kind: 'stale'; attempt: number; current: string | undefined; finalised: boolean }
  | { kind: 'other'; attempt: number; title: string; message: string };

/**
 * For the drafting state's coordinators (the report's `allowed`): the state's own assessment, saved
 * with the revision read, and the finalisation that makes it a new version others then read. What is
 * typed is never lost to a refusal: a 409 says what changed and keeps the text for another try.
 */
export function AssessmentPanel({
  report,
  locked,
  onFinalised,
}: {
  report: Report;
  /**
   * The report can no longer be assessed (someone finalised it meanwhile): the panel stays, so that
   * the text typed can still be copied, without its buttons.
   */
  locked: boolean;
  /** After the finalisation: the finalised report, now the latest version. */
  onFinalised: (report: Report) => void;
}) {
  const { t, i18n } = useTranslation();
  const describeError = useErrorMessage();
  const save = useSaveAssessment(report.semester, report.networkId);
  const finalise = useFinaliseReport(report.semester, report.networkId);
  const latest = useReport(report.semester, report.networkId, undefined);
  // The revision this person's text answers to: the one read when the form opened, then each save's.
  // The report is read again in the background; a change by someone else must not slip under a save.
  const revision = useRef(report.revision);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const headingId = useId();

  const resolver: Resolver<Values> = async (values) => {
    const text = values.assessment.trim();
    let message: string | undefined;
    if (text === '') message = t('reports.assessment.errors.required');
    else if (text.length > MAX_LENGTH)
      message = t('reports.assessment.errors.tooLong', { max: MAX_LENGTH.toLocaleString(i18n.language) });
    if (message) return { values: {}, errors: { assessment: { type: 'validate', message } } };
    return { values: { assessment: text }, errors: {} } as ResolverResult<Values>;
  };
  const {
    register,
    handleSubmit,
    reset,
    trigger,
    getValues,
    setError,
    formState: { errors, isDirty },
  } = useForm<Values>({ defaultValues: { assessment: report.assessment ?? '' }, resolver });
  const busy = save.isPending || finalise.isPending;
  const guard = useUnsavedChangesGuard(isDirty && !busy, t('reports.assessment.unsaved'));

  /** A refusal: 409s re-read the report and say what changed; the text stays as typed. */
  const explain = async (error: unknown, title: string) => {
    const attempt = Date.now();
    if (error instanceof ApiError && (error.code === 'stale_version' || error.code === 'not_editable')) {
      const fresh = (await latest.refetch()).data;
      if (fresh) revision.current = fresh.revision;
      setFailure({
        kind: 'stale',
        attempt,
        current: fresh?.assessment,
        finalised: error.code === 'not_editable' || fresh?.status === 'finalised',
      });
      return;
    }
    if (error instanceof ApiError && error.fields.assessment) {
      setError('assessment', { type: 'server', message: error.fields.assessment });
      setFailure(null);
      return;
    }
    setFailure({ kind: 'other', attempt, title, message: describeError(error) });
  };

  const saveText = async (assessment: string): Promise<boolean> => {
    try {
      const saved = await save.mutateAsync({ assessment, revision: revision.current });
      revision.current = saved.revision;
      reset({ assessment: saved.assessment ?? assessment });
      setSavedAt(new Date().toISOString());
      setFailure(null);
      return true;
    } catch (error) {
      await explain(error, t('reports.assessment.saveFailed'));
      return false;
    }
  };

  const onValid = async ({ assessment }: Values) => {
    if (locked) return;
    await saveText(assessment);
  };

  const onInvalid = () => {
    setFailure(null);
    window.setTimeout(() => document.getElementById(FIELD_ID)?.focus(), 0);
  };

  const confirmFinalise = async () => {
    if (isDirty) {
      // The changed text goes into the finalised report: saved first, or nothing is finalised.
      if (!(await trigger('assessment'))) {
        setConfirming(false);
        window.setTimeout(() => document.getElementById(FIELD_ID)?.focus(), 0);
        return;
      }
      if (!(await saveText(getValues('assessment').trim()))) {
        setConfirming(false);
        return;
      }
    }
    try {
      const finalised = await finalise.mutateAsync({ revision: revision.current });
      guard.allowNavigation();
      setConfirming(false);
      onFinalised(finalised);
    } catch (error) {
      setConfirming(false);
      await explain(error, t('reports.finalise.failed'));
    }
  };

  const saved = report.assessment !== undefined;
  const nextVersion = Math.max(...report.versions.map((version) => version.version)) + 1;

  return (
    <section className="assessment" aria-labelledby={headingId}>
      <h2 className="section-title" id={headingId}>
        {t('reports.assessment.heading')}
      </h2>
      <p>{t('reports.assessment.intro')}</p>

      {locked && failure?.kind !== 'stale' && (
        <div className="notice notice--error" role="alert">
          <h3 className="notice__title">{t('reports.assessment.finalisedTitle')}</h3>
          <p>{t('reports.assessment.finalisedBody')}</p>
        </div>
      )}
      {failure?.kind === 'stale' && (
        <div className="notice notice--error" role="alert" key={failure.attempt}>
          <h3 className="notice__title">
            {failure.finalised ? t('reports.assessment.finalisedTitle') : t('reports.assessment.staleTitle')}
          </h3>
          <p>
            {failure.finalised ? t('reports.assessment.finalisedBody') : t('reports.assessment.staleBody')}
          </p>
          {!failure.finalised && failure.current && (
            <>
              <p>{t('reports.assessment.staleCurrent')}</p>
              <blockquote className="assessment__current prose">{failure.current}</blockquote>
            </>
          )}
        </div>
      )}
      {failure?.kind === 'other' && (
        <FormErrorSummary
          key={failure.attempt}
          title={failure.title}
          problems={[{ text: failure.message }]}
        />
      )}

      <form
        className="form form--wide"
        noValidate
        onSubmit={(event) => void handleSubmit(onValid, onInvalid)(event)}
      >
        <TextareaField
          id={FIELD_ID}
          rows={10}
          label={t('reports.assessment.label')}
          hint={t('reports.assessment.hint')}
          error={errors.assessment?.message}
          registration={register('assessment')}
        />
        {!locked && (
          <div className="button-row">
            <button className="button button--secondary" type="submit" disabled={busy}>
              {save.isPending ? t('reports.assessment.saving') : t('reports.assessment.save')}
            </button>
          </div>
        )}
        <p className="save-status" role="status">
          {savedAt && !isDirty
            ? t('reports.assessment.saved', { time: formatTime(savedAt, i18n.language) })
            : ''}
          {!savedAt && saved && !isDirty ? t('reports.assessment.savedEarlier') : ''}
        </p>
      </form>

      {!locked && (
        <>
          <h3 className="assessment__subheading">{t('reports.finalise.heading')}</h3>
          <p>{t('reports.finalise.intro')}</p>
          <div className="button-row">
            <button className="button" type="button" disabled={busy} onClick={() => setConfirming(true)}>
              {t('reports.finalise.button')}
            </button>
          </div>
        </>
      )}

      <Dialog
        open={confirming}
        title={t('reports.finalise.title')}
        onClose={() => {
          if (!busy) setConfirming(false);
        }}
      >
        <p>{t('reports.finalise.body', { version: nextVersion })}</p>
        <p>{t('reports.finalise.readers')}</p>
        {isDirty ? (
          <p>{t('reports.finalise.savesFirst')}</p>
        ) : (
          !saved && <p>{t('reports.finalise.noAssessment')}</p>
        )}
        {busy && <LoadingState label={t('reports.finalise.working')} />}
        <div className="button-row">
          <button
            className="button"
            type="button"
            data-autofocus
            disabled={busy}
            onClick={() => void confirmFinalise()}
          >
            {finalise.isPending ? t('reports.finalise.working') : t('reports.finalise.confirm')}
          </button>
          <button
            className="button button--secondary"
            type="button"
            disabled={busy}
            onClick={() => setConfirming(false)}
          >
            {t('reports.finalise.cancel')}
          </button>
        </div>
      </Dialog>
      {guard.dialog}
    </section>
  );
}

import { useRef, useState } from 'react';
import { type Resolver, type ResolverResult, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useUnsavedChangesGuard } from '../../../components/form/use-unsaved-changes-guard.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
import { type Report, useFinaliseReport, useReport, useSaveAssessment } from '../api/reports.ts';

/** The API's limit on an assessment (shared/reports.ts). */
const MAX_LENGTH = 20_000;
export const ASSESSMENT_FIELD_ID = 'report-assessment';
const FIELD_ID = ASSESSMENT_FIELD_ID;

interface Values {
  assessment: string;
}

export type AssessmentFailure =
  | { kind: 'stale'; attempt: number; current: string | undefined; finalised: boolean }
  | { kind: 'other'; attempt: number; title: string; message: string };

/**
 * The state's assessment of a report: saved with the revision read, then finalised. A refusal keeps
 * the text as typed: a 409 re-reads the report and says what changed.
 */
export function useAssessment(report: Report, locked: boolean, onFinalised: (report: Report) => void) {
  const { t, i18n } = useTranslation();
  const describeError = useErrorMessage();
  const save = useSaveAssessment(report.semester, report.networkId);
  const finalise = useFinaliseReport(report.semester, report.networkId);
  const latest = useReport(report.semester, report.networkId, undefined);
  // The revision this person's text answers to: the one read when the form opened, then each save's.
  // The report is read again in the background; a change by someone else must not slip under a save.
  const revision = useRef(report.revision);
  const [failure, setFailure] = useState<AssessmentFailure | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

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

  return {
    form: { register, errors, isDirty },
    submit: handleSubmit(onValid, onInvalid),
    save,
    finalise,
    busy,
    failure,
    savedAt,
    confirming,
    setConfirming,
    confirmFinalise,
    guardDialog: guard.dialog,
  };
}

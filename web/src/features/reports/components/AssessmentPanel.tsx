import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButtons } from '../../../components/form/ConfirmButtons.tsx';
import { FormErrorSummary } from '../../../components/form/FormErrorSummary.tsx';
import { TextareaField } from '../../../components/form/FormField.tsx';
import { StaleVersionNotice } from '../../../components/form/VersionConflict.tsx';
import { Dialog } from '../../../components/ui/Dialog.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { formatTime } from '../../../lib/dates.ts';
import type { Report } from '../api/reports.ts';
import { ASSESSMENT_FIELD_ID, useAssessment } from '../hooks/use-assessment.ts';

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
  const headingId = useId();
  const { form, submit, save, busy, failure, savedAt, confirming, setConfirming, ...assessment } =
    useAssessment(report, locked, onFinalised);
  const { register, errors, isDirty } = form;
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
        <StaleVersionNotice
          key={failure.attempt}
          headingLevel={3}
          title={
            failure.finalised ? t('reports.assessment.finalisedTitle') : t('reports.assessment.staleTitle')
          }
          body={failure.finalised ? t('reports.assessment.finalisedBody') : t('reports.assessment.staleBody')}
        >
          {!failure.finalised && failure.current && (
            <>
              <p>{t('reports.assessment.staleCurrent')}</p>
              <blockquote className="assessment__current prose">{failure.current}</blockquote>
            </>
          )}
        </StaleVersionNotice>
      )}
      {failure?.kind === 'other' && (
        <FormErrorSummary
          key={failure.attempt}
          title={failure.title}
          problems={[{ text: failure.message }]}
        />
      )}

      <form className="form form--wide" noValidate onSubmit={(event) => void submit(event)}>
        <TextareaField
          id={ASSESSMENT_FIELD_ID}
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

      <FinaliseDialog
        open={confirming}
        busy={busy}
        finalising={assessment.finalise.isPending}
        nextVersion={nextVersion}
        note={
          isDirty ? t('reports.finalise.savesFirst') : saved ? undefined : t('reports.finalise.noAssessment')
        }
        onConfirm={() => void assessment.confirmFinalise()}
        onCancel={() => setConfirming(false)}
      />
      {assessment.guardDialog}
    </section>
  );
}

interface FinaliseDialogProps {
  open: boolean;
  busy: boolean;
  finalising: boolean;
  nextVersion: number;
  /** What happens to the text on finalising (saved first, or there is none), if worth saying. */
  note: string | undefined;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before finalising: the report becomes a new version that the other organisations then read. */
function FinaliseDialog({
  open,
  busy,
  finalising,
  nextVersion,
  note,
  onConfirm,
  onCancel,
}: FinaliseDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      title={t('reports.finalise.title')}
      onClose={() => {
        if (!busy) onCancel();
      }}
    >
      <p>{t('reports.finalise.body', { version: nextVersion })}</p>
      <p>{t('reports.finalise.readers')}</p>
      {note && <p>{note}</p>}
      {busy && <LoadingState label={t('reports.finalise.working')} />}
      <ConfirmButtons
        confirmLabel={finalising ? t('reports.finalise.working') : t('reports.finalise.confirm')}
        cancelLabel={t('reports.finalise.cancel')}
        onConfirm={onConfirm}
        onCancel={onCancel}
        busy={busy}
      />
    </Dialog>
  );
}

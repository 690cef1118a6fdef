import { type MouseEvent, useState } from 'react';
import { get, useFormState } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Contribution } from '#shared/contributions.ts';
import { type ReportTemplate, templateFields } from '#shared/report-templates.ts';
import { FormErrorSummary, type FormProblem } from '../../../components/form/FormErrorSummary.tsx';
import { useUnsavedChangesGuard } from '../../../components/form/use-unsaved-changes-guard.tsx';
import type { AutosaveStatus } from '../../../lib/use-autosave.ts';
import { useFormChanges } from '../../../lib/use-form-changes.ts';
import { useContributionAutosave } from '../hooks/use-contribution-autosave.ts';
import { useContributionConflict } from '../hooks/use-contribution-conflict.ts';
import { useContributionDraft } from '../hooks/use-contribution-draft.ts';
import { useContributionSubmission } from '../hooks/use-contribution-submission.ts';
import { formatSavedAt, useProblemText } from '../utils/display.ts';
import { controlId, fieldOfPath } from '../utils/form-values.ts';
import { type Problem, problemsOf } from '../utils/problems.ts';
import { ContributionNotices } from './ContributionNotices.tsx';
import { SubmitContributionDialog } from './SubmitContributionDialog.tsx';
import { TemplateSections } from './TemplateSections.tsx';

interface ContributionFormProps {
  organisation: string;
  template: ReportTemplate;
  contribution: Contribution;
  /** The contribution as the server now has it (after a save, a submission, a reload). */
  onChange: (contribution: Contribution) => void;
  /** Submitted: the page turns read-only. */
  onSubmitted: (contribution: Contribution) => void;
}

/** The status line's words for where saving stands. */
function useStatusText(status: AutosaveStatus): string {
  const { t, i18n } = useTranslation();
  switch (status.kind) {
    case 'saving':
      return t('contributions.status.saving');
    case 'saved':
      return t('contributions.status.saved', { time: formatSavedAt(status.at, i18n.language) });
    case 'invalid':
      return t('contributions.status.invalid', { count: status.count });
    case 'failed':
      return t('contributions.status.failed', { reason: status.message });
    case 'stale':
      return t('contributions.status.stale');
    default:
      return t('contributions.status.notYet');
  }
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
  const { t } = useTranslation();
  const problemText = useProblemText();
  const draft = useContributionDraft(organisation, template, contribution);
  const { initial, form, aside } = draft;
  const autosave = useContributionAutosave(draft, template, contribution, onChange);
  const conflict = useContributionConflict(draft, autosave, template, contribution, onChange);
  const { status } = autosave;
  // The entries not valid yet on arrival (saved so on another device, or kept in this browser) show
  // their problem at once, not only once their field is left.
  const [arrivedWithProblems] = useState(
    () => new Set(problemsOf(template, initial.values, 'draft').map((problem) => problem.path)),
  );
  const unsaved =
    status.kind === 'invalid' ||
    status.kind === 'failed' ||
    status.kind === 'stale' ||
    aside.setAside !== null;
  const guard = useUnsavedChangesGuard(unsaved, t('contributions.form.unsavedMessage'));
  const submission = useContributionSubmission({
    draft,
    autosave,
    template,
    contribution,
    onChange,
    onSubmitted,
    allowNavigation: guard.allowNavigation,
  });
  const { register, control } = form;
  const { touchedFields } = useFormState({ control });
  const statusText = useStatusText(status);

  // Every change: the copy in this browser soon, a save a little later; a submission's complaint about
  // the field is dropped, since the person is dealing with it.
  useFormChanges(form.watch, ({ name }) => {
    if (draft.isResetting()) return;
    draft.keeper.schedule();
    autosave.schedule();
    autosave.refreshProblems(draft.currentValues());
    const field = name ? fieldOfPath(template, name) : undefined;
    if (field) submission.dropProblemsOf(field.id);
  });

  // Leaving a field with changes not yet sent saves them at once.
  const onBlur = () => {
    if (autosave.isPending()) void autosave.saveNow();
  };

  const submitProblems = new Map(
    (submission.failure?.problems ?? []).map((problem) => [problem.path, problem]),
  );
  const draftProblems = new Map(autosave.draftProblems.map((problem) => [problem.path, problem]));
  const shown = (problem: Problem) => problemText.message(problem);
  const errorFor = (path: string): string | undefined => {
    const submitted = submitProblems.get(path);
    if (submitted) return shown(submitted);
    const problem = draftProblems.get(path);
    if (!problem) return undefined;
    // A draft's problem shows once the person has left that field, or the row of a table they were
    // filling in (or when the server named it): not while they are still typing it.
    if (problem.type === 'server' || arrivedWithProblems.has(path) || get(touchedFields, path))
      return shown(problem);
    if (problem.row !== undefined) {
      const row = `${problem.fieldId}.${problem.row}`;
      const touchedRow = get(touchedFields, row) as Record<string, unknown> | undefined;
      const inRow = document.activeElement?.id.startsWith(`${controlId(row)}-`) ?? false;
      if (touchedRow && Object.values(touchedRow).some(Boolean) && !inRow) return shown(problem);
    }
    return undefined;
  };

  const { failure } = submission;
  const fieldsById = new Map(templateFields(template).map((field) => [field.id, field]));
  const summaryProblems: FormProblem[] = failure
    ? [
        ...failure.general.map((text) => ({ text })),
        ...failure.problems.map((problem) => ({
          text: problemText.summary(problem, fieldsById.get(problem.fieldId)),
          fieldId: controlId(problem.path),
        })),
      ]
    : [];

  // The entries to correct, each a link to its control (they are saved as typed meanwhile).
  const toCorrect = autosave.draftProblems.map((problem) => ({
    path: problem.path,
    text: problemText.summary(problem, fieldsById.get(problem.fieldId)),
  }));
  const focusControl = (event: MouseEvent<HTMLAnchorElement>, path: string) => {
    const control = document.getElementById(controlId(path));
    if (!control) return;
    event.preventDefault();
    control.focus();
  };

  return (
    <>
      <ContributionNotices
        template={template}
        restoredAt={initial.outdated ? null : initial.restoredAt}
        stale={status.kind === 'stale'}
        onReloadLatest={() => void conflict.reloadLatest()}
        setAside={aside.setAside}
        reloadedVersion={aside.reloadedVersion}
        outdatedOnArrival={initial.outdated && aside.reloadedVersion === contribution.version}
        latest={draft.server.current.values}
        setAsideHeading={conflict.setAsideHeading}
        onPutBack={conflict.putBack}
        onDropSetAside={conflict.dropSetAside}
      />

      {failure && summaryProblems.length > 0 && (
        <FormErrorSummary
          key={failure.attempt}
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
        {draft.keeper.storageRefused && (
          <p className="draft-note draft-note--warning">{t('contributions.form.storageRefused')}</p>
        )}

        <TemplateSections
          template={template}
          records={contribution.records}
          fields={{ control, register, errorFor }}
        />

        <div className="autosave-bar" data-save-state={autosave.pending ? 'pending' : status.kind}>
          <div className="save-status__text">
            <p className="save-status" role="status">
              {statusText}
            </p>
            {toCorrect.length > 0 && (
              <div className="save-problems">
                <p id="save-problems-title">
                  {t('contributions.status.toCorrect', { count: toCorrect.length })}
                </p>
                <ul aria-labelledby="save-problems-title">
                  {toCorrect.map(({ path, text }) => (
                    <li key={path}>
                      <a href={`#${controlId(path)}`} onClick={(event) => focusControl(event, path)}>
                        {text}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
          {contribution.allowed.includes('submit') && (
            <button className="button" type="button" onClick={submission.confirm}>
              {t('contributions.submit.button')}
            </button>
          )}
        </div>
      </form>

      <SubmitContributionDialog
        open={submission.confirming}
        submitting={submission.submitting}
        onSubmit={() => void submission.submit()}
        onCancel={submission.cancel}
        onClose={submission.onDialogClosed}
      />
      {guard.dialog}
    </>
  );
}

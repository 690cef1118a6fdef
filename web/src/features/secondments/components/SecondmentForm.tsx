import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Secondment } from '#shared/secondments.ts';
import { problemsOfFields } from '../../../components/form/SaveFailureNotices.tsx';
import { useUnsavedChangesGuard } from '../../../components/form/use-unsaved-changes-guard.tsx';
import { Dialog } from '../../../components/ui/Dialog.tsx';
import { paths, secondmentPath } from '../../../config/paths.ts';
import { formatTime } from '../../../lib/dates.ts';
import { fieldMessage } from '../../../lib/form-errors.ts';
import { useSecondmentDraft } from '../hooks/use-secondment-draft.ts';
import { useSecondmentSave } from '../hooks/use-secondment-save.ts';
import { controlId, errorOf, limits, pathsInError } from '../utils/form-controls.ts';
import type { FieldPath } from '../utils/form-values.ts';
import { fieldKeys } from '../utils/text.ts';
import { SecondmentFields } from './SecondmentFields.tsx';
import { SecondmentFormNotices } from './SecondmentFormNotices.tsx';

export type { SavedNotice } from '../hooks/use-secondment-save.ts';

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
  const draft = useSecondmentDraft(organisation, secondment);
  const { keptAt } = draft;
  const guard = useUnsavedChangesGuard(keptAt !== null, t('secondments.form.unsavedMessage'));
  const save = useSecondmentSave(secondment, draft, guard.allowNavigation);
  const { failure, saving } = save;
  const [discarding, setDiscarding] = useState(false);
  const {
    register,
    control,
    formState: { errors },
  } = draft.form;

  const fieldError = (path: FieldPath): string | undefined =>
    fieldMessage(errorOf(errors, path), (type) => {
      if (path === 'endDate' && type === 'custom') return t('secondments.errors.endDateBeforeStart');
      if (path === 'regionalCoverage' && type === 'custom')
        return t('secondments.errors.regionalCoverageHost');
      return t(`secondments.errors.${fieldKeys[path]}`, { max: limits[path] });
    });

  const problems =
    failure?.kind === 'invalid'
      ? problemsOfFields(failure.general, pathsInError(errors), fieldError, controlId)
      : [];

  const isAmendment = secondment !== undefined && secondment.status !== 'draft';
  const submitLabel = isAmendment ? t('secondments.form.saveAmendment') : t('secondments.form.saveDraft');
  let saveStatus = '';
  if (saving) saveStatus = t('secondments.form.saving');
  else if (failure) saveStatus = t('secondments.form.notSaved');

  const discard = () => {
    setDiscarding(false);
    draft.discard();
    save.clearFailure();
  };

  return (
    <>
      <SecondmentFormNotices
        secondment={secondment}
        draft={draft}
        failure={failure}
        problems={problems}
        onReloadLatest={() => void save.reloadLatest()}
        conflictHeading={save.conflictHeading}
      />

      <form className="form form--wide" noValidate onSubmit={save.submit}>
        <p className="draft-note">
          {keptAt
            ? t('secondments.form.keptAt', { time: formatTime(keptAt, i18n.language) })
            : t('secondments.form.keptHint')}
        </p>
        {draft.storageRefused && (
          <p className="draft-note draft-note--warning">{t('secondments.form.storageRefused')}</p>
        )}

        <SecondmentFields
          control={control}
          register={register}
          fieldError={fieldError}
          hostCountries={hostCountries}
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

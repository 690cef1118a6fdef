import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActivityKind } from '#shared/networks.ts';
import { LockedNotice, SaveFailureSummary } from '../../../components/form/SaveFailureNotices.tsx';
import { StaleVersionNotice } from '../../../components/form/VersionConflict.tsx';
import { type ActivityFormOptions, useActivityForm } from '../hooks/use-activity-form.ts';
import { ActivityFields } from './ActivityFields.tsx';

interface ActivityFormProps extends ActivityFormOptions {
  kind: ActivityKind;
  /** Where "Cancel" leads. */
  cancelTo: string;
  submitLabel: string;
}

/**
 * Records (or changes) one network activity: a meeting, a training, a position towards carriers or a
 * contact. Checked with the shared schema of its kind before sending, as the server checks it; a
 * refusal keeps everything typed on screen, with the server's messages beside the fields they concern.
 */
export function ActivityForm({ cancelTo, submitLabel, ...options }: ActivityFormProps) {
  const { t } = useTranslation();
  const { form, submit, failure, problems, saving, fieldError, reloadLatest, guardDialog } =
    useActivityForm(options);
  const { onReloadLatest } = options;

  return (
    <>
      {failure?.kind === 'stale' && (
        <StaleVersionNotice
          title={t('networks.activityForm.staleTitle')}
          body={t('networks.activityForm.staleBody')}
          reload={
            onReloadLatest
              ? { label: t('networks.activityForm.reloadLatest'), onReload: () => void reloadLatest() }
              : undefined
          }
        />
      )}
      {failure?.kind === 'locked' && (
        <LockedNotice title={t('networks.activityForm.closedTitle')} message={failure.message}>
          <p>{t('networks.activityForm.closedBody')}</p>
        </LockedNotice>
      )}
      <SaveFailureSummary
        failure={failure}
        failedTitle={t('networks.activityForm.failed')}
        problems={problems}
      />

      <form className="form form--wide" noValidate onSubmit={submit}>
        <ActivityFields
          kind={options.kind}
          control={form.control}
          register={form.register}
          fieldError={fieldError}
        />
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
      {guardDialog}
    </>
  );
}

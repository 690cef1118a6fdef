import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Secondment } from '#shared/secondments.ts';
import type { FormProblem } from '../../../components/form/FormErrorSummary.tsx';
import { LockedNotice, SaveFailureSummary } from '../../../components/form/SaveFailureNotices.tsx';
import type { SaveFailure } from '../../../components/form/use-save-failure.ts';
import { SetAsidePanel, StaleVersionNotice } from '../../../components/form/VersionConflict.tsx';
import { secondmentPath } from '../../../config/paths.ts';
import { formatInstant } from '../../../lib/dates.ts';
import type { SecondmentDraft } from '../hooks/use-secondment-draft.ts';
import { changedFields } from '../utils/form-values.ts';
import { TypedValues } from './TypedValues.tsx';

interface SecondmentFormNoticesProps {
  secondment: Secondment | undefined;
  draft: SecondmentDraft;
  failure: SaveFailure | null;
  /** The problems of an invalid submission, for the error summary. */
  problems: readonly FormProblem[];
  onReloadLatest: () => void;
  conflictHeading: Ref<HTMLHeadingElement>;
}

/** What the form says above its fields: a restored draft, a refused save, the edits set aside after a conflict. */
export function SecondmentFormNotices({
  secondment,
  draft,
  failure,
  problems,
  onReloadLatest,
  conflictHeading,
}: SecondmentFormNoticesProps) {
  const { t, i18n } = useTranslation();
  const { restoredFrom, keptAt, setAside, reloadedVersion } = draft;
  const otherVersionSaved =
    restoredFrom &&
    secondment &&
    restoredFrom.baseVersion !== null &&
    restoredFrom.baseVersion < secondment.version;

  return (
    <>
      {restoredFrom && keptAt && (
        <div className="notice" role="status">
          <p>{t('secondments.form.restored', { when: formatInstant(restoredFrom.keptAt, i18n.language) })}</p>
          {otherVersionSaved && (
            <p>{t('secondments.form.restoredOutdated', { version: secondment.version })}</p>
          )}
        </div>
      )}

      {failure?.kind === 'stale' && (
        <StaleVersionNotice
          title={t('secondments.form.staleTitle')}
          body={t('secondments.form.staleBody')}
          reload={{ label: t('secondments.form.reloadLatest'), onReload: onReloadLatest }}
        />
      )}

      {failure?.kind === 'locked' && secondment && (
        <LockedNotice title={t('secondments.form.notEditableTitle')} message={failure.message}>
          <p>{t('secondments.form.notEditableBody')}</p>
          <p>
            <Link to={secondmentPath(secondment.id)}>{t('secondments.form.toSecondment')}</Link>
          </p>
        </LockedNotice>
      )}

      <SaveFailureSummary failure={failure} failedTitle={t('secondments.form.failed')} problems={problems} />

      {setAside && (
        <SetAsidePanel
          headingId="set-aside-title"
          headingRef={conflictHeading}
          title={
            reloadedVersion === null
              ? t('secondments.form.setAsideTitle')
              : t('secondments.form.reloadedTitle', { version: reloadedVersion })
          }
          body={t('secondments.form.reloadedBody')}
          putBack={{ label: t('secondments.form.putBack'), onClick: draft.putBack }}
          drop={{ label: t('secondments.form.dropSetAside'), onClick: draft.dropSetAside }}
        >
          <TypedValues
            caption={t('secondments.form.compareCaption')}
            yours={setAside.values}
            theirs={draft.baseValues()}
            theirsHeading={t('secondments.form.compareLatest')}
            fields={changedFields(setAside.base, setAside.values)}
          />
        </SetAsidePanel>
      )}
    </>
  );
}

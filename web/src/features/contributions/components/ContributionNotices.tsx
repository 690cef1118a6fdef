import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportTemplate } from '#shared/report-templates.ts';
import { SetAsidePanel, StaleVersionNotice } from '../../../components/form/VersionConflict.tsx';
import { formatInstant } from '../../../lib/dates.ts';
import type { SetAside } from '../utils/draft-store.ts';
import { changedFieldIds, type FlatValues } from '../utils/form-values.ts';
import { ChangesTable } from './ChangesTable.tsx';

interface ContributionNoticesProps {
  template: ReportTemplate;
  /** When this browser's copy was put back in the form on arrival (null if it was not). */
  restoredAt: string | null;
  stale: boolean;
  onReloadLatest: () => void;
  setAside: SetAside | null;
  reloadedVersion: number | null;
  /** The copy restored on arrival was typed over an older version, the one now shown. */
  outdatedOnArrival: boolean;
  /** The latest version's values, beside which the edits are set aside. */
  latest: FlatValues;
  setAsideHeading: Ref<HTMLHeadingElement>;
  onPutBack: () => void;
  onDropSetAside: () => void;
}

/** What the contribution form says above its fields: a restored copy, a conflict, the edits set aside. */
export function ContributionNotices(props: ContributionNoticesProps) {
  const { t, i18n } = useTranslation();
  const { template, restoredAt, setAside, reloadedVersion } = props;
  return (
    <>
      {restoredAt && (
        <div className="notice" role="status">
          <p>{t('contributions.form.restored', { when: formatInstant(restoredAt, i18n.language) })}</p>
        </div>
      )}

      {props.stale && (
        <StaleVersionNotice
          title={t('contributions.form.staleTitle')}
          body={t('contributions.form.staleBody')}
          reload={{ label: t('contributions.form.reloadLatest'), onReload: props.onReloadLatest }}
        />
      )}

      {setAside && (
        <SetAsidePanel
          headingId="contribution-set-aside"
          headingRef={props.setAsideHeading}
          title={
            reloadedVersion === null
              ? t('contributions.form.setAsideTitle')
              : t('contributions.form.reloadedTitle', { version: reloadedVersion })
          }
          body={
            props.outdatedOnArrival
              ? t('contributions.form.outdatedBody')
              : t('contributions.form.reloadedBody')
          }
          putBack={{ label: t('contributions.form.putBack'), onClick: props.onPutBack }}
          drop={{ label: t('contributions.form.dropSetAside'), onClick: props.onDropSetAside }}
        >
          <ChangesTable
            template={template}
            fieldIds={changedFieldIds(template, setAside.base, setAside.values)}
            yours={setAside.values}
            theirs={props.latest}
          />
        </SetAsidePanel>
      )}
    </>
  );
}

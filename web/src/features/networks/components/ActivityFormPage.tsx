import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ActivityKind } from '#shared/networks.ts';
import { brusselsDate, SEMESTER_ID_PATTERN } from '#shared/semesters.ts';
import { Page } from '../../../components/layout/Page.tsx';
import { networkPath } from '../../../config/paths.ts';
import { useOrganisationName } from '../../../lib/display-names.ts';
import { useSignedInMe } from '../../../lib/me.ts';
import { useSignedInReference } from '../../../lib/reference.ts';
import { networkQuery, useNetwork, useRecordActivity, useUpdateActivity } from '../api/networks.ts';
import { emptyActivityValues, formValuesOf, kindOfPath } from '../utils/activity-form.ts';
import { useNetworkName, useProvisionalNetworkTitle } from '../utils/names.ts';
import { ActivityForm } from './ActivityForm.tsx';
import { NetworkNotLoaded } from './NetworkNotLoaded.tsx';

/** What the network page says after a save (carried by the navigation, shown once). */
export interface SavedActivity {
  saved: 'recorded' | 'updated';
  kind: ActivityKind;
  activityId: string;
}

/** `/networks/:id/record/:kind`: record a meeting, a training, a carrier position or a contact. */
export function RecordActivityPage() {
  const { t } = useTranslation();
  const { id = '', kind: kindSegment } = useParams();
  const [params] = useSearchParams();
  const kind = kindOfPath(kindSegment);
  const me = useSignedInMe();
  const reference = useSignedInReference();
  const networkName = useNetworkName();
  const organisationName = useOrganisationName();
  const provisionalTitle = useProvisionalNetworkTitle();
  // The semester the person came from: where "Cancel" leads back to.
  const fromSemester = params.get('semester') ?? undefined;
  const semester =
    fromSemester && SEMESTER_ID_PATTERN.test(fromSemester) ? fromSemester : reference.currentSemester;
  const network = useNetwork(id, semester);
  const record = useRecordActivity(id, kind ?? 'meeting');

  const fallbackTitle = kind ? t(`networks.record.titleFallback.${kind}`) : t('networks.notFound.title');
  if (!kind) {
    return (
      <Page title={t('networks.notFound.title')}>
        <p>{t('networks.record.unknownKind')}</p>
        <p>
          <Link to={networkPath(id)}>{provisionalTitle(id)}</Link>
        </p>
      </Page>
    );
  }
  if (network.error || !network.data) {
    return (
      <NetworkNotLoaded title={fallbackTitle} network={network} loading={t('networks.record.loading')} />
    );
  }

  const title = t(`networks.record.title.${kind}`, { network: networkName(network.data) });
  const back = networkPath(id, semester);
  if (!me.capabilities.includes('networks.record_activity')) {
    return (
      <Page title={title}>
        <p>{t('networks.record.notAWriter')}</p>
        <p>
          <Link to={back}>{t('networks.backToNetwork', { network: networkName(network.data) })}</Link>
        </p>
      </Page>
    );
  }

  if (!network.data.allowed.includes('record_activity')) {
    return (
      <Page title={title}>
        <p>{t('networks.record.notAMember', { semester: network.data.semester.id })}</p>
        <p>
          <Link to={back}>{t('networks.backToNetwork', { network: networkName(network.data) })}</Link>
        </p>
      </Page>
    );
  }

  const organisation = me.organisation;
  return (
    <Page title={title}>
      <p>{t(`networks.record.intro.${kind}`)}</p>
      <p>{t('networks.record.whoMay', { state: organisationName(organisation) })}</p>
      <ActivityForm
        kind={kind}
        // Today in the current semester; a past semester's activity needs its own date.
        initialValues={emptyActivityValues(
          semester === reference.currentSemester ? brusselsDate(new Date()) : '',
          organisation,
        )}
        submitLabel={t(`networks.record.submit.${kind}`)}
        cancelTo={back}
        onSave={async (input) => {
          const saved = await record.mutateAsync(input);
          const state: SavedActivity = { saved: 'recorded', kind, activityId: saved.id };
          return { to: networkPath(id, saved.semester), state };
        }}
      />
    </Page>
  );
}

/** `/networks/:id/activities/:semester/:activityId/edit`: the recording state changes what it recorded. */
export function EditActivityPage() {
  const { t } = useTranslation();
  const { id = '', semester = '', activityId = '' } = useParams();
  const queryClient = useQueryClient();
  const networkName = useNetworkName();
  const network = useNetwork(id, semester);
  const update = useUpdateActivity(id, semester, activityId);
  // The version the edits started from; replaced when the person loads the latest after a conflict.
  const version = useRef<number | null>(null);

  const fallbackTitle = t('networks.edit.titleFallback');
  if (network.error || !network.data) {
    return (
      <NetworkNotLoaded title={fallbackTitle} network={network} loading={t('networks.record.loading')} />
    );
  }
  const back = networkPath(id, semester);
  const activity = network.data.activities.find((candidate) => candidate.id === activityId);
  if (!activity) {
    return (
      <Page title={t('networks.edit.notFoundTitle')}>
        <p>{t('networks.edit.notFoundBody')}</p>
        <p>
          <Link to={back}>{t('networks.backToNetwork', { network: networkName(network.data) })}</Link>
        </p>
      </Page>
    );
  }
  const title = t(`networks.edit.title.${activity.kind}`, { network: networkName(network.data) });
  if (!activity.allowed.includes('edit')) {
    return (
      <Page title={title}>
        <p>{t('networks.edit.notEditable')}</p>
        <p>
          <Link to={back}>{t('networks.backToNetwork', { network: networkName(network.data) })}</Link>
        </p>
      </Page>
    );
  }
  version.current ??= activity.version;

  return (
    <Page title={title}>
      <p>{t('networks.edit.intro')}</p>
      <ActivityForm
        kind={activity.kind}
        initialValues={formValuesOf(activity.kind, activity.fields)}
        submitLabel={t('networks.edit.submit')}
        cancelTo={back}
        onSave={async (fields) => {
          const saved = await update.mutateAsync({ version: version.current ?? activity.version, fields });
          const state: SavedActivity = { saved: 'updated', kind: saved.kind, activityId: saved.id };
          return { to: networkPath(id, saved.semester), state };
        }}
        onReloadLatest={async () => {
          const latest = await queryClient.fetchQuery({ ...networkQuery(id, semester), staleTime: 0 });
          const found = latest.activities.find((candidate) => candidate.id === activityId);
          // Gone from this semester (its date moved, by someone else): the page then says it is not found.
          if (!found) return null;
          version.current = found.version;
          return formValuesOf(found.kind, found.fields);
        }}
      />
    </Page>
  );
}

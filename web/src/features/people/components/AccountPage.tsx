import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Me } from '#shared/api/schemas.ts';
import {
  type NotificationFrequency,
  notificationFrequencies,
  notificationFrequency,
  notificationKinds,
  type PersonLanguage,
} from '#shared/preferences.ts';
import { ChoiceGroup } from '../../../components/form/ChoiceGroup.tsx';
import { SelectField } from '../../../components/form/FormField.tsx';
import { StaleVersionNotice } from '../../../components/form/VersionConflict.tsx';
import { Page } from '../../../components/layout/Page.tsx';
import { Facts } from '../../../components/ui/Facts.tsx';
import { OutcomeRegion, useOutcome } from '../../../components/ui/Outcome.tsx';
import { Section } from '../../../components/ui/Section.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useOrganisationName } from '../../../lib/display-names.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
import { isLanguage } from '../../../lib/i18n.ts';
import { meQuery, useSignedInMe } from '../../../lib/me.ts';
import { useUpdatePreferences } from '../api/people.ts';
import { LanguageOptions } from './LanguageOptions.tsx';

interface PreferenceFields {
  language: PersonLanguage;
  notifications: Record<string, NotificationFrequency>;
}

function fieldsOf(me: Me): PreferenceFields {
  return {
    language: me.language,
    notifications: Object.fromEntries(
      notificationKinds.map((kind) => [
        kind.id,
        notificationFrequency(me.preferences.notifications, kind.id),
      ]),
    ),
  };
}

/** `/account`: who one is in the directory, and one's language and notification preferences. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const organisationName = useOrganisationName();
  return (
    <Page title={t('account.title')}>
      <Facts
        rows={[
          { term: t('account.name'), value: me.name ?? t('account.noName') },
          { term: t('account.email'), value: me.email },
          { term: t('account.organisation'), value: organisationName(me.organisation) },
          { term: t('account.role'), value: t(`roles.${me.role}`) },
        ]}
      />
      <p>{t('account.changesByCoordinator')}</p>
      <Section id="account-preferences" title={t('account.preferences')}>
        <PreferencesForm me={me} />
      </Section>
    </Page>
  );
}

function PreferencesForm({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const describeError = useErrorMessage();
  const queryClient = useQueryClient();
  const save = useUpdatePreferences();
  const { outcome, announce, region } = useOutcome();
  const [stale, setStale] = useState(false);
  // The version this form read: a save is sent with it, so that a change made elsewhere is not overwritten.
  const [version, setVersion] = useState(me.version);
  const { register, handleSubmit, reset, formState } = useForm<PreferenceFields>({
    defaultValues: fieldsOf(me),
  });
  const uiLanguage = isLanguage(i18n.language) ? i18n.language : 'en';

  const submit = async (values: PreferenceFields) => {
    setStale(false);
    try {
      const after = await save.mutateAsync({ version, ...values });
      setVersion(after.version);
      reset(fieldsOf(after));
      // The product's language is the person's: the page switches to it at once.
      if (after.language !== i18n.language) await i18n.changeLanguage(after.language);
      // Said in the language just chosen.
      announce({ kind: 'done', message: i18n.t('account.saved') });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'stale_version') setStale(true);
      else announce({ kind: 'failed', title: t('account.notSaved'), message: describeError(error) });
    }
  };

  const reload = async () => {
    const latest = await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
    setVersion(latest.version);
    reset(fieldsOf(latest));
    setStale(false);
  };

  return (
    <form className="form" noValidate onSubmit={handleSubmit(submit)}>
      <OutcomeRegion outcome={outcome} region={region} />
      {stale && (
        <StaleVersionNotice
          headingLevel={3}
          title={t('account.staleTitle')}
          body={t('account.staleBody')}
          reload={{ label: t('account.reload'), onReload: () => void reload() }}
        />
      )}
      <SelectField
        id="account-language"
        label={t('account.language')}
        hint={t('account.languageHint')}
        registration={register('language')}
      >
        <LanguageOptions />
      </SelectField>
      <h3>{t('account.notifications')}</h3>
      <p>{t('account.notificationsIntro')}</p>
      {notificationKinds.map((kind) => (
        <ChoiceGroup
          key={kind.id}
          id={`account-notification-${kind.id}`}
          type="radio"
          legend={kind.label[uiLanguage]}
          choices={notificationFrequencies.map((frequency) => ({
            value: frequency,
            label: t(`account.frequencies.${frequency}`),
          }))}
          registration={register(`notifications.${kind.id}`)}
        />
      ))}
      <div className="button-row">
        <button className="button" type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t('account.saving') : t('account.save')}
        </button>
      </div>
    </form>
  );
}

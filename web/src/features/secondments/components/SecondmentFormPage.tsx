import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '../../../components/layout/Page.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { paths, secondmentPath } from '../../../config/paths.ts';
import { useOrganisationName } from '../../../lib/display-names.ts';
import { useSignedInMe } from '../../../lib/me.ts';
import { useSignedInReference } from '../../../lib/reference.ts';
import { useSecondment } from '../api/secondments.ts';
import { clearDraft, draftKey, loadDraft } from '../utils/draft-store.ts';
import { SecondmentForm } from './SecondmentForm.tsx';
import { SecondmentLoadError } from './SecondmentLoadError.tsx';
import { TypedValues } from './TypedValues.tsx';

/** `/secondments/new` */
export function NewSecondmentPage() {
  const { t } = useTranslation();
  const organisationName = useOrganisationName();
  const me = useSignedInMe();
  const reference = useSignedInReference();
  const title = t('secondments.form.titleNew');

  if (!me.capabilities.includes('secondments.write')) {
    return (
      <Page title={title}>
        <p>{t('secondments.form.notAWriter')}</p>
        <p>
          <Link to={paths.secondments}>{t('secondments.form.toList')}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={title}>
      <p>{t('secondments.form.introNew', { state: organisationName(me.organisation) })}</p>
      <SecondmentForm
        organisation={me.organisation}
        hostCountries={reference.hostCountries.map((country) => country.code)}
      />
    </Page>
  );
}

/** `/secondments/:id/edit`: a draft is edited; a notified secondment is amended (a new version). */
export function EditSecondmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useSignedInMe();
  const reference = useSignedInReference();
  const secondment = useSecondment(id);

  if (secondment.error) {
    return <SecondmentLoadError error={secondment.error} onRetry={() => void secondment.refetch()} />;
  }
  if (!secondment.data) {
    return (
      <Page title={t('secondments.form.titleEdit')}>
        <LoadingState label={t('secondments.form.loading')} />
      </Page>
    );
  }

  const { data } = secondment;
  const isAmendment = data.status !== 'draft';
  const title = isAmendment ? t('secondments.form.titleAmend') : t('secondments.form.titleEdit');
  if (!data.allowed.includes('edit')) {
    return (
      <Page title={title}>
        <NotEditable organisation={me.organisation} secondmentId={data.id} />
      </Page>
    );
  }
  return (
    <Page title={title}>
      <p>
        {isAmendment
          ? t('secondments.form.introAmend', { version: data.version + 1 })
          : t('secondments.form.introEdit')}
      </p>
      <SecondmentForm
        // Freshly mounted per secondment: the form reads its draft and its starting version once.
        key={data.id}
        organisation={me.organisation}
        hostCountries={reference.hostCountries.map((country) => country.code)}
        secondment={data}
      />
    </Page>
  );
}

/** This person cannot change it (now): say so, and still show any text they had typed for it. */
function NotEditable({ organisation, secondmentId }: { organisation: string; secondmentId: string }) {
  const { t } = useTranslation();
  const key = draftKey(organisation, secondmentId);
  const [draft, setDraft] = useState(() => loadDraft(key));
  return (
    <>
      <p>{t('secondments.form.notEditablePage')}</p>
      <p>
        <Link to={secondmentPath(secondmentId)}>{t('secondments.form.toSecondment')}</Link>
      </p>
      {draft && (
        <section className="notice" aria-labelledby="kept-text-title">
          <h2 className="notice__title" id="kept-text-title">
            {t('secondments.form.keptTextTitle')}
          </h2>
          <p>{t('secondments.form.keptTextBody')}</p>
          <TypedValues
            caption={t('secondments.form.keptTextCaption')}
            yours={draft.setAside?.values ?? draft.values}
          />
          <button
            className="button button--secondary"
            type="button"
            onClick={() => {
              clearDraft(key);
              setDraft(null);
            }}
          >
            {t('secondments.form.forgetKeptText')}
          </button>
        </section>
      )}
    </>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { Secondment } from '#shared/secondments.ts';
import { Page } from '../../../components/layout/Page.tsx';
import { type Fact, Facts } from '../../../components/ui/Facts.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { OutcomeRegion, SuccessNotice, useOutcome } from '../../../components/ui/Outcome.tsx';
import { Section } from '../../../components/ui/Section.tsx';
import { formatCalendarDate, formatInstant } from '../../../lib/dates.ts';
import { countryName, languageName, useOrganisationName } from '../../../lib/display-names.ts';
import { useSecondment } from '../api/secondments.ts';
import { useListFormat } from '../utils/text.ts';
import { SecondmentActions } from './SecondmentActions.tsx';
import type { SavedNotice } from './SecondmentForm.tsx';
import { SecondmentHistory } from './SecondmentHistory.tsx';
import { SecondmentLoadError } from './SecondmentLoadError.tsx';
import { StatusBadge } from './StatusBadge.tsx';

function isSavedNotice(value: unknown): value is SavedNotice {
  return value === 'created' || value === 'updated' || value === 'amended';
}

/** `/secondments/:id`: the notification in full, what the person may do with it now, and its history. */
export function SecondmentDetailPage() {
  const { t, i18n } = useTranslation();
  const organisationName = useOrganisationName();
  const { id = '' } = useParams();
  const location = useLocation();
  const secondment = useSecondment(id);
  const navigate = useNavigate();
  const { outcome, announce, region } = useOutcome();
  // "Saved" comes with the navigation from the form; shown once, not again after a reload or going back.
  const [saved] = useState(() => (location.state as { saved?: unknown } | null)?.saved);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on arrival.
  useEffect(() => {
    if (location.state) void navigate(location.pathname, { replace: true, state: null });
  }, []);

  if (secondment.error) {
    return <SecondmentLoadError error={secondment.error} onRetry={() => void secondment.refetch()} />;
  }
  if (!secondment.data) {
    return (
      <Page title={t('secondments.detail.fallbackTitle')}>
        <LoadingState label={t('secondments.detail.loading')} />
      </Page>
    );
  }

  const data = secondment.data;
  const title = t('secondments.detail.title', {
    state: organisationName(data.state),
    city: data.post.city,
    country: countryName(data.hostCountry, i18n.language),
  });

  return (
    <Page title={title}>
      <OutcomeRegion
        outcome={outcome}
        region={region}
        otherwise={
          isSavedNotice(saved) && <SuccessNotice>{t(`secondments.detail.saved.${saved}`)}</SuccessNotice>
        }
      />

      <SecondmentSummary secondment={data} />
      <SecondmentActions secondment={data} onOutcome={announce} />
      <SecondmentFacts secondment={data} />
      <SecondmentHistory secondmentId={data.id} />
    </Page>
  );
}

function SecondmentSummary({ secondment }: { secondment: Secondment }) {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  const rows: Fact[] = [
    {
      term: t('secondments.detail.status'),
      value: <StatusBadge status={secondment.status} phase={secondment.phase} />,
    },
    { term: t('secondments.detail.version'), value: String(secondment.version) },
  ];
  if (secondment.notifiedAt) {
    rows.push({
      term: t('secondments.detail.notifiedAt'),
      value: formatInstant(secondment.notifiedAt, language),
    });
  }
  rows.push({
    term: t('secondments.detail.updatedAt'),
    value: formatInstant(secondment.updatedAt, language),
  });
  return (
    <section className="card card--flat" aria-label={t('secondments.detail.summary')}>
      <Facts rows={rows} />
    </section>
  );
}

function SecondmentFacts({ secondment }: { secondment: Secondment }) {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  const organisationName = useOrganisationName();
  const list = useListFormat();
  const none = t('secondments.detail.none');
  const date = (value: string | undefined) =>
    value ? (
      <time dateTime={value}>{formatCalendarDate(value, language)}</time>
    ) : (
      t('secondments.detail.notSet')
    );

  let phaseText = t('secondments.detail.noPhase');
  if (secondment.phase) phaseText = t(`secondments.phase.${secondment.phase}`);
  else if (secondment.status === 'withdrawn') phaseText = t('secondments.detail.noPhaseWithdrawn');

  let officer: Fact[];
  if (secondment.officer) {
    const { name, email, phone } = secondment.officer;
    officer = [
      { term: t('secondments.fields.officerName.label'), value: name },
      {
        term: t('secondments.fields.officerEmail.label'),
        value: email ? <a href={`mailto:${email}`}>{email}</a> : none,
      },
      {
        term: t('secondments.fields.officerPhone.label'),
        value: phone ? <a href={`tel:${phone.replace(/[^+0-9]/g, '')}`}>{phone}</a> : none,
      },
    ];
  } else if (secondment.officerErasedAt) {
    officer = [
      {
        term: t('secondments.detail.officer'),
        value: t('secondments.detail.officerErased', {
          date: formatInstant(secondment.officerErasedAt, language),
        }),
      },
    ];
  } else {
    officer = [{ term: t('secondments.detail.officer'), value: t('secondments.detail.officerNotShown') }];
  }

  return (
    <>
      <Section id="secondment-post" title={t('secondments.form.sectionPost')}>
        <Facts
          rows={[
            {
              term: t('secondments.fields.hostCountry.label'),
              value: countryName(secondment.hostCountry, language),
            },
            { term: t('secondments.fields.postCity.label'), value: secondment.post.city },
            {
              term: t('secondments.fields.postMission.label'),
              value: t(`secondments.missions.${secondment.post.mission}`),
            },
            {
              term: t('secondments.fields.regionalCoverage.label'),
              value:
                secondment.regionalCoverage.length > 0
                  ? list(secondment.regionalCoverage.map((code) => countryName(code, language)))
                  : none,
            },
          ]}
        />
      </Section>

      <Section id="secondment-officer" title={t('secondments.form.sectionOfficer')}>
        <Facts
          rows={[
            { term: t('secondments.detail.state'), value: organisationName(secondment.state) },
            { term: t('secondments.fields.authority.label'), value: secondment.authority },
            ...officer,
          ]}
        />
      </Section>

      <Section id="secondment-period" title={t('secondments.form.sectionPeriod')}>
        <Facts
          rows={[
            { term: t('secondments.fields.startDate.label'), value: date(secondment.startDate) },
            { term: t('secondments.fields.endDate.label'), value: date(secondment.endDate) },
            {
              term: t('secondments.detail.phase'),
              value: phaseText,
            },
          ]}
        />
      </Section>

      <Section id="secondment-tasks" title={t('secondments.form.sectionTasks')}>
        <ul className="task-list">
          {secondment.tasks.map((task) => (
            <li key={task}>
              <span className="task-list__label">{t(`secondments.tasks.${task}.label`)}</span>
              <span className="task-list__description">{t(`secondments.tasks.${task}.description`)}</span>
            </li>
          ))}
        </ul>
        <Facts
          rows={[
            {
              term: t('secondments.fields.taskDescription.label'),
              value: secondment.taskDescription ? (
                <span className="prose">{secondment.taskDescription}</span>
              ) : (
                none
              ),
            },
            {
              term: t('secondments.fields.languages.label'),
              value:
                secondment.languages.length > 0
                  ? list(secondment.languages.map((code) => languageName(code, language)))
                  : none,
            },
          ]}
        />
      </Section>
    </>
  );
}

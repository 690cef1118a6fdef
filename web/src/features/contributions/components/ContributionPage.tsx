import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Contribution } from '#shared/contributions.ts';
import { type ReportTemplate, reportTemplate } from '#shared/report-templates.ts';
import { daysLeftInSemester, isSemesterId, semester } from '#shared/semesters.ts';
import { Page } from '../../../components/layout/Page.tsx';
import { Dialog } from '../../../components/ui/Dialog.tsx';
import { ErrorState } from '../../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { semesterPath } from '../../../config/paths.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { formatCalendarDate, formatInstant } from '../../../lib/dates.ts';
import { useOrganisationName } from '../../../lib/display-names.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
import { useSignedInMe } from '../../../lib/me.ts';
import { useContribution, useContributionTransition } from '../api/contributions.ts';
import { useNetworkName } from '../utils/display.ts';
import { ContributionForm } from './ContributionForm.tsx';
import { ContributionView, KeptText } from './ContributionView.tsx';

/** `/semesters/:id/networks/:net/contributions/:state`: one state's contribution to one network's report. */
export function ContributionPage() {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const organisationName = useOrganisationName();
  const networkName = useNetworkName();
  const { id: semesterId = '', net = '', state = '' } = useParams();
  const me = useSignedInMe();
  const contribution = useContribution({ semester: semesterId, networkId: net, state });
  const title = t('contributions.page.title', {
    state: organisationName(state),
    network: networkName(net),
    semester: semesterId,
  });
  const back = (
    <p className="breadcrumb">
      <Link to={semesterPath(semesterId)}>
        {t('contributions.page.toSemester', { semester: semesterId })}
      </Link>
    </p>
  );

  // A failure of a later read (the latest version, after a conflict) is the form's to tell, not the page's.
  const failed = contribution.data ? null : contribution.error;
  if (failed) {
    if (
      failed instanceof ApiError &&
      (failed.status === 404 || failed.status === 403 || failed.status === 400)
    ) {
      const kind = failed.status === 403 ? 'forbidden' : 'notFound';
      return (
        <Page title={t(`contributions.page.${kind}Title`)}>
          <p>{t(`contributions.page.${kind}Body`)}</p>
          {back}
        </Page>
      );
    }
    return (
      <Page title={title}>
        <ErrorState
          title={t('errors.loadFailed')}
          message={describeError(failed)}
          onRetry={() => void contribution.refetch()}
        />
      </Page>
    );
  }
  if (!contribution.data) {
    return (
      <Page title={title}>
        <LoadingState label={t('contributions.page.loading')} />
      </Page>
    );
  }
  const template = reportTemplate(contribution.data.templateVersion);
  if (!template) {
    return (
      <Page title={title}>
        <ErrorState
          title={t('errors.loadFailed')}
          message={t('contributions.page.unknownTemplate', { version: contribution.data.templateVersion })}
        />
      </Page>
    );
  }
  return (
    <Page title={title}>
      {back}
      <ContributionWorkspace
        key={`${semesterId}/${net}/${state}`}
        initial={contribution.data}
        organisation={me.organisation}
        template={template}
      />
    </Page>
  );
}

type Outcome = { kind: 'submitted' } | { kind: 'reopened' } | { kind: 'failed'; message: string };

function ContributionWorkspace({
  initial,
  organisation,
  template,
}: {
  initial: Contribution;
  organisation: string;
  template: ReportTemplate;
}) {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  const organisationName = useOrganisationName();
  const describeError = useErrorMessage();
  const [current, setCurrent] = useState(initial);
  // A new form is mounted each time the contribution becomes editable again (reopened).
  const [generation, setGeneration] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [reopening, setReopening] = useState(false);
  const transition = useContributionTransition(current);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const editable = current.allowed.includes('edit');

  const announce = (next: Outcome) => {
    setOutcome(next);
    window.setTimeout(() => outcomeRef.current?.focus(), 0);
  };

  const reopen = async () => {
    try {
      const reopened = await transition.mutateAsync({ action: 'reopen', version: current.version });
      setReopening(false);
      setCurrent(reopened);
      setGeneration((value) => value + 1);
      announce({ kind: 'reopened' });
    } catch (error) {
      setReopening(false);
      announce({ kind: 'failed', message: describeError(error) });
    }
  };

  const period = isSemesterId(current.semester) ? semester(current.semester) : null;
  const daysLeft = period ? daysLeftInSemester(period.id, new Date()) : 0;
  const stateName = organisationName(current.state);

  return (
    <>
      <div ref={outcomeRef} tabIndex={-1} className="outcome">
        {outcome?.kind === 'submitted' && (
          <div className="notice notice--success" role="status">
            <p>{t('contributions.page.submitted')}</p>
          </div>
        )}
        {outcome?.kind === 'reopened' && (
          <div className="notice notice--success" role="status">
            <p>{t('contributions.page.reopened', { state: stateName })}</p>
          </div>
        )}
        {outcome?.kind === 'failed' && (
          <div className="notice notice--error" role="alert">
            <h2 className="notice__title">{t('contributions.reopen.failed')}</h2>
            <p>{outcome.message}</p>
          </div>
        )}
      </div>

      <dl className="facts facts--wide contribution-facts">
        <div className="facts__row">
          <dt>{t('contributions.page.status')}</dt>
          <dd>
            <span className={`status status--${current.status}`}>
              {t(`contributions.statuses.${current.status}`)}
            </span>
            {current.late && <span className="status status--late">{t('contributions.page.late')}</span>}
          </dd>
        </div>
        {period && (
          <div className="facts__row">
            <dt>{t('contributions.page.semesterEnds')}</dt>
            <dd>
              {current.lock === 'semester_closed'
                ? t('contributions.page.semesterClosedOn', { date: formatCalendarDate(period.end, language) })
                : t('contributions.page.endsIn', {
                    date: formatCalendarDate(period.end, language),
                    count: daysLeft,
                  })}
            </dd>
          </div>
        )}
        {current.savedAt && (
          <div className="facts__row">
            <dt>{t('contributions.page.lastSaved')}</dt>
            <dd>{formatInstant(current.savedAt, language)}</dd>
          </div>
        )}
      </dl>

      {current.lock === 'already_submitted' && (
        <div className="notice lock-notice">
          <p className="lock-notice__title">
            {t('contributions.lock.submitted', {
              date: current.submittedAt ? formatInstant(current.submittedAt, language) : '',
            })}
          </p>
          <p>{t('contributions.lock.submittedBody')}</p>
        </div>
      )}
      {current.lock === 'semester_closed' && (
        <div className="notice lock-notice">
          <p className="lock-notice__title">{t('contributions.lock.closed')}</p>
          {!current.submittedAt && <p>{t('contributions.lock.closedMissing')}</p>}
        </div>
      )}
      {!editable && !current.lock && (
        <div className="notice">
          <p>{t('contributions.lock.readOnly', { state: stateName })}</p>
        </div>
      )}

      {current.allowed.includes('reopen') && (
        <div className="button-row">
          <button className="button button--secondary" type="button" onClick={() => setReopening(true)}>
            {t('contributions.reopen.button')}
          </button>
        </div>
      )}

      {editable ? (
        <ContributionForm
          key={generation}
          organisation={organisation}
          template={template}
          contribution={current}
          onChange={setCurrent}
          onSubmitted={(submitted) => {
            setCurrent(submitted);
            announce({ kind: 'submitted' });
          }}
        />
      ) : (
        <>
          <KeptText organisation={organisation} template={template} contribution={current} />
          <ContributionView template={template} contribution={current} />
        </>
      )}

      <Dialog open={reopening} title={t('contributions.reopen.title')} onClose={() => setReopening(false)}>
        <p>{t('contributions.reopen.body', { state: stateName })}</p>
        <div className="button-row">
          <button
            className="button"
            type="button"
            data-autofocus
            disabled={transition.isPending}
            onClick={() => void reopen()}
          >
            {transition.isPending ? t('contributions.reopen.working') : t('contributions.reopen.confirm')}
          </button>
          <button className="button button--secondary" type="button" onClick={() => setReopening(false)}>
            {t('contributions.reopen.cancel')}
          </button>
        </div>
      </Dialog>
    </>
  );
}

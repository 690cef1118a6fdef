import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Page } from '../../../components/layout/Page.tsx';
import { Dialog } from '../../../components/ui/Dialog.tsx';
import { LoadError } from '../../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { type Outcome, OutcomeRegion, SuccessNotice, useOutcome } from '../../../components/ui/Outcome.tsx';
import { Section } from '../../../components/ui/Section.tsx';
import { Table } from '../../../components/ui/Table.tsx';
import { networkPath, paths } from '../../../config/paths.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { formatCalendarDate, formatInstant } from '../../../lib/dates.ts';
import { countryName, useOrganisationName } from '../../../lib/display-names.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
import {
  type Arrangement,
  type ArrangementAction,
  useArrangement,
  useArrangementAction,
} from '../api/arrangements.ts';
import { useArrangementTitle } from '../utils/text.ts';
import { ArrangementStatus } from './ArrangementStatus.tsx';

/** `/arrangements/:id`: one arrangement, who has accepted it, and accepting or withdrawing per `allowed`. */
export function ArrangementDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const arrangement = useArrangement(id);
  const title = useArrangementTitle();
  const { outcome, announce, region } = useOutcome();
  // "Proposed" comes with the navigation from the form; shown once.
  const [proposed] = useState(() => (location.state as { proposed?: unknown } | null)?.proposed === true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on arrival.
  useEffect(() => {
    if (location.state) void navigate(location.pathname, { replace: true, state: null });
  }, []);

  if (arrangement.error) {
    if (arrangement.error instanceof ApiError && arrangement.error.status === 404) {
      return (
        <Page title={t('arrangements.detail.notFoundTitle')}>
          <p>{t('arrangements.detail.notFoundBody')}</p>
          <p>
            <Link to={paths.arrangements}>{t('arrangements.detail.toList')}</Link>
          </p>
        </Page>
      );
    }
    return (
      <Page title={t('arrangements.detail.fallbackTitle')}>
        <LoadError
          title={t('errors.loadFailed')}
          error={arrangement.error}
          onRetry={() => void arrangement.refetch()}
        />
      </Page>
    );
  }
  if (!arrangement.data) {
    return (
      <Page title={t('arrangements.detail.fallbackTitle')}>
        <LoadingState label={t('arrangements.detail.loading')} />
      </Page>
    );
  }

  const data = arrangement.data;
  return (
    <Page title={title(data)}>
      <OutcomeRegion
        outcome={outcome}
        region={region}
        otherwise={proposed && <SuccessNotice>{t('arrangements.detail.proposedNotice')}</SuccessNotice>}
      />
      <ArrangementFacts arrangement={data} />
      <ArrangementActions arrangement={data} onOutcome={announce} />
      <p>
        <Link to={paths.arrangements}>{t('arrangements.detail.toList')}</Link>
      </p>
    </Page>
  );
}

function ArrangementFacts({ arrangement }: { arrangement: Arrangement }) {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  const organisationName = useOrganisationName();
  const date = (value: string) => <time dateTime={value}>{formatCalendarDate(value, language)}</time>;
  return (
    <>
      <dl className="facts facts--wide">
        <div className="facts__row">
          <dt>{t('arrangements.fields.status')}</dt>
          <dd>
            <ArrangementStatus arrangement={arrangement} />
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('arrangements.fields.kind.label')}</dt>
          <dd>{t(`arrangements.kinds.${arrangement.kind}.label`)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('arrangements.fields.hostCountries.label')}</dt>
          <dd>
            <ul className="inline-list">
              {arrangement.hostCountries.map((code) => (
                <li key={code}>
                  {/* The network of a host country exists whenever it has ILOs; its page says so otherwise. */}
                  <Link to={networkPath(code)}>{countryName(code, language)}</Link>
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('arrangements.fields.scope.label')}</dt>
          <dd>
            <span className="prose">{arrangement.scope}</span>
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('arrangements.fields.validFrom.label')}</dt>
          <dd>{date(arrangement.validFrom)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('arrangements.fields.validTo.label')}</dt>
          <dd>{arrangement.validTo ? date(arrangement.validTo) : t('arrangements.detail.openEnded')}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('arrangements.detail.proposedBy')}</dt>
          <dd>
            {t('arrangements.detail.proposedByOn', {
              state: organisationName(arrangement.proposedBy),
              at: formatInstant(arrangement.createdAt, language),
            })}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('arrangements.detail.version')}</dt>
          <dd>{arrangement.version}</dd>
        </div>
      </dl>

      <Section id="arrangement-parties" title={t('arrangements.detail.partiesHeading')}>
        <p>{t('arrangements.detail.partiesIntro')}</p>
        <Table
          caption={t('arrangements.detail.partiesCaption')}
          captionHidden
          columns={[t('arrangements.detail.party'), t('arrangements.detail.acceptance')]}
        >
          {arrangement.parties.map((party) => (
            <tr key={party}>
              <th scope="row">{organisationName(party)}</th>
              <td>
                {arrangement.acceptedBy.includes(party)
                  ? party === arrangement.proposedBy
                    ? t('arrangements.detail.acceptedProposer')
                    : t('arrangements.detail.accepted')
                  : arrangement.status === 'withdrawn'
                    ? t('arrangements.detail.notAccepted')
                    : t('arrangements.detail.awaiting')}
              </td>
            </tr>
          ))}
        </Table>
      </Section>
    </>
  );
}

function ArrangementActions({
  arrangement,
  onOutcome,
}: {
  arrangement: Arrangement;
  onOutcome: (outcome: Outcome) => void;
}) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const action = useArrangementAction(arrangement.id);
  const [open, setOpen] = useState<ArrangementAction | null>(null);
  const [lastOpened, setLastOpened] = useState<ArrangementAction>('accept');
  const { allowed } = arrangement;
  if (allowed.length === 0) return null;

  const show = (next: ArrangementAction) => {
    setLastOpened(next);
    setOpen(next);
  };

  const run = async (which: ArrangementAction) => {
    try {
      const after = await action.mutateAsync({ action: which, version: arrangement.version });
      setOpen(null);
      const message =
        which === 'accept' && after.status === 'in_effect'
          ? t('arrangements.actions.accept.doneInEffect')
          : t(`arrangements.actions.${which}.done`);
      onOutcome({ kind: 'done', message });
    } catch (error) {
      setOpen(null);
      let message = describeError(error);
      if (error instanceof ApiError && error.code === 'stale_version')
        message = t('arrangements.actions.stale');
      onOutcome({ kind: 'failed', title: t(`arrangements.actions.${which}.failed`), message });
    }
  };

  const busy = action.isPending;
  return (
    <Section
      id="arrangement-actions"
      title={t('arrangements.actions.heading')}
      className="actions"
      headingClassName="visually-hidden"
    >
      <div className="button-row">
        {allowed.includes('accept') && (
          <button className="button" type="button" onClick={() => show('accept')}>
            {t('arrangements.actions.accept.button')}
          </button>
        )}
        {allowed.includes('withdraw') && (
          <button className="button button--secondary" type="button" onClick={() => show('withdraw')}>
            {t('arrangements.actions.withdraw.button')}
          </button>
        )}
      </div>
      <Dialog
        open={open !== null}
        title={t(`arrangements.actions.${lastOpened}.title`)}
        onClose={() => setOpen(null)}
      >
        <p>{t(`arrangements.actions.${lastOpened}.body`)}</p>
        <div className="button-row">
          {lastOpened === 'accept' ? (
            <>
              <button
                className="button"
                type="button"
                data-autofocus
                disabled={busy}
                onClick={() => void run('accept')}
              >
                {busy ? t('arrangements.actions.working') : t('arrangements.actions.accept.confirm')}
              </button>
              <button className="button button--secondary" type="button" onClick={() => setOpen(null)}>
                {t('arrangements.actions.cancel')}
              </button>
            </>
          ) : (
            <>
              <button
                className="button button--secondary"
                type="button"
                data-autofocus
                onClick={() => setOpen(null)}
              >
                {t('arrangements.actions.cancel')}
              </button>
              <button
                className="button button--danger"
                type="button"
                disabled={busy}
                onClick={() => void run('withdraw')}
              >
                {busy ? t('arrangements.actions.working') : t('arrangements.actions.withdraw.confirm')}
              </button>
            </>
          )}
        </div>
      </Dialog>
    </Section>
  );
}

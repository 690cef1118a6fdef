import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/form/FormField.tsx';
import { Dialog } from '../../../components/ui/Dialog.tsx';
import type { Outcome } from '../../../components/ui/Outcome.tsx';
import { Section } from '../../../components/ui/Section.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useOrganisationName } from '../../../lib/display-names.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
import { useSortByName } from '../../../lib/name-lists.ts';
import { type DesignationMode, type Network, useDesignation } from '../api/networks.ts';

export type { Outcome } from '../../../components/ui/Outcome.tsx';

/**
 * Who drafts the network's report for the semester, and why, in words; the Council Presidency and any
 * designation beside it; and, as `allowed` says, designating the state acting for the Presidency
 * (member coordinators, the Commission) or reassigning the drafting state (the Commission).
 */
export function DraftingStateSection({
  network,
  onOutcome,
}: {
  network: Network;
  onOutcome: (outcome: Outcome) => void;
}) {
  const { t } = useTranslation();
  const organisationName = useOrganisationName();
  const [open, setOpen] = useState<DesignationMode | null>(null);
  // The dialog's title stays while it closes.
  const [lastMode, setLastMode] = useState<DesignationMode>('acting');
  const show = (mode: DesignationMode) => {
    setLastMode(mode);
    setOpen(mode);
  };
  const { semester, allowed } = network;
  const drafting = semester.draftingState;
  const presidency = organisationName(semester.presidency);
  const presidencyIsMember = semester.members.some((member) => member.state === semester.presidency);

  let explanation: string;
  if (!drafting) explanation = t('networks.drafting.none');
  else {
    explanation = t(`networks.drafting.reasons.${drafting.reason}`, {
      state: organisationName(drafting.state),
      presidency,
    });
  }

  return (
    <Section id="network-drafting" title={t('networks.drafting.heading', { semester: semester.id })}>
      <p className="drafting-state">
        {drafting && (
          <>
            <strong className="drafting-state__state">{organisationName(drafting.state)}</strong>
            {' — '}
          </>
        )}
        {explanation}
      </p>
      {semester.provisional && (
        <p className="drafting-state__provisional">
          <span className="status status--provisional">{t('networks.drafting.provisional')}</span>{' '}
          {t('networks.drafting.provisionalBody')}
        </p>
      )}
      <dl className="facts facts--wide">
        <div className="facts__row">
          <dt>{t('networks.drafting.presidency')}</dt>
          <dd>
            {presidencyIsMember
              ? t('networks.drafting.presidencyMember', { state: presidency })
              : t('networks.drafting.presidencyNotMember', { state: presidency })}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('networks.drafting.acting')}</dt>
          <dd>
            {semester.actingState
              ? organisationName(semester.actingState)
              : t('networks.drafting.noneDesignated')}
          </dd>
        </div>
        {semester.reassignedTo && (
          <div className="facts__row">
            <dt>{t('networks.drafting.reassigned')}</dt>
            <dd>{organisationName(semester.reassignedTo)}</dd>
          </div>
        )}
      </dl>
      {(allowed.includes('designate_acting_state') || allowed.includes('reassign_drafting_state')) && (
        <div className="button-row">
          {allowed.includes('designate_acting_state') && (
            <button className="button button--secondary" type="button" onClick={() => show('acting')}>
              {semester.actingState ? t('networks.drafting.changeActing') : t('networks.drafting.designate')}
            </button>
          )}
          {allowed.includes('reassign_drafting_state') && (
            <button className="button button--secondary" type="button" onClick={() => show('reassign')}>
              {t('networks.drafting.reassign')}
            </button>
          )}
        </div>
      )}
      <Dialog
        open={open !== null}
        title={t(`networks.designation.${lastMode}.title`)}
        onClose={() => setOpen(null)}
      >
        {/* Mounted afresh at each opening: the choice starts from the current designation. */}
        <DesignationForm
          mode={lastMode}
          network={network}
          onClose={() => setOpen(null)}
          onOutcome={(outcome) => {
            setOpen(null);
            onOutcome(outcome);
          }}
        />
      </Dialog>
    </Section>
  );
}

function DesignationForm({
  mode,
  network,
  onClose,
  onOutcome,
}: {
  mode: DesignationMode;
  network: Network;
  onClose: () => void;
  onOutcome: (outcome: Outcome) => void;
}) {
  const { t } = useTranslation();
  const organisationName = useOrganisationName();
  const sortByName = useSortByName();
  const describeError = useErrorMessage();
  const { semester } = network;
  const designation = useDesignation(network.id, semester.id, mode);
  const current =
    mode === 'acting' ? semester.actingState : (semester.reassignedTo ?? semester.draftingState?.state);
  const [state, setState] = useState(current ?? '');
  const [error, setError] = useState<string | undefined>(undefined);
  const members = sortByName(semester.members, (member) => organisationName(member.state));
  const presidencyIsMember = semester.members.some((member) => member.state === semester.presidency);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!members.some((member) => member.state === state)) {
      setError(t('networks.designation.choose'));
      return;
    }
    setError(undefined);
    try {
      await designation.mutateAsync({ state, version: semester.designationVersion });
      onOutcome({
        kind: 'done',
        message: t(`networks.designation.${mode}.done`, { state: organisationName(state) }),
      });
    } catch (failure) {
      // A wrong state is for the field; any other refusal closes the dialog and is explained on the page.
      if (failure instanceof ApiError && failure.fields.state) {
        setError(failure.fields.state);
        return;
      }
      let message = describeError(failure);
      if (failure instanceof ApiError && failure.code === 'stale_version') {
        message = t('networks.designation.stale');
      }
      onOutcome({ kind: 'failed', title: t(`networks.designation.${mode}.failed`), message });
    }
  };

  const busy = designation.isPending;
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <p>{t(`networks.designation.${mode}.body`, { semester: semester.id })}</p>
      {mode === 'acting' && presidencyIsMember && (
        <p className="notice">
          {t('networks.designation.acting.presidencyMember', {
            state: organisationName(semester.presidency),
          })}
        </p>
      )}
      <FormField
        id="designation-state"
        label={t('networks.designation.state')}
        hint={t('networks.designation.stateHint', { semester: semester.id })}
        error={error}
      >
        {(control) => (
          <select
            className="field__control"
            data-autofocus
            value={state}
            onChange={(event) => setState(event.target.value)}
            {...control}
          >
            <option value="">{t('networks.designation.placeholder')}</option>
            {members.map((member) => (
              <option key={member.state} value={member.state}>
                {t('networks.designation.option', {
                  state: organisationName(member.state),
                  count: member.ilos,
                })}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="button-row">
        <button className="button" type="submit" disabled={busy}>
          {busy ? t('networks.designation.working') : t(`networks.designation.${mode}.confirm`)}
        </button>
        <button className="button button--secondary" type="button" onClick={onClose}>
          {t('networks.designation.cancel')}
        </button>
      </div>
    </form>
  );
}

import { phaseOf, type SecondmentAction } from '#shared/secondments.ts';
import type { Caller } from '../lib/caller.ts';
import { actsForState, isCommission, isInstitution, isStateWriter, isWriterFor } from '../lib/roles.ts';
import type { SecondmentRecord } from './secondment-repository.ts';

/**
 * Who sees and does what with secondments (Art. 3: states inform one another, the Council and the
 * Commission). The server decides; responses carry the result in `allowed`.
 */

/** Editors and coordinators of the seconding state write its secondments. */
export const writesSecondmentsOf = (caller: Caller, state: string): boolean => isWriterFor(caller, state);

/** Who may notify (create) secondments at all: a participating state's editors and coordinators. */
export const writesSecondments = (caller: Caller): boolean => isStateWriter(caller);

/** Notified secondments are read by every participating state, the Commission and the Council. */
export function readsNotifiedSecondments(caller: Caller): boolean {
  return actsForState(caller) || isInstitution(caller, ['EC', 'COUNCIL']);
}

/** A state's drafts (and the draft versions of its secondments) are its own. */
/** A participating state's people keep (and see) their own state's drafts. */
export const keepsSecondmentDrafts = (caller: Caller): boolean => actsForState(caller);

export const seesDraftsOf = (caller: Caller, state: string): boolean => caller.organisation === state;

/** A draft is seen by its own state alone; anything notified by every reader of notifications. */
export function canSee(caller: Caller, secondment: SecondmentRecord): boolean {
  if (secondment.status === 'draft') return seesDraftsOf(caller, secondment.state);
  return readsNotifiedSecondments(caller);
}

/** The officer's name and contact: participating states and the Commission only. */
export function canSeeOfficer(caller: Caller): boolean {
  return actsForState(caller) || isCommission(caller);
}

export function allowedActions(
  caller: Caller,
  secondment: SecondmentRecord,
  today: string,
): SecondmentAction[] {
  if (!writesSecondmentsOf(caller, secondment.state)) return [];
  switch (secondment.status) {
    case 'draft':
      return ['edit', 'notify'];
    case 'notified': {
      const phase = phaseOf(secondment, today);
      if (phase === 'ended') return [];
      return phase === 'planned' ? ['edit', 'end', 'withdraw'] : ['edit', 'end'];
    }
    case 'ended':
      // The end date may still be corrected while it lies ahead.
      return phaseOf(secondment, today) === 'ended' ? [] : ['end'];
    default:
      return [];
  }
}

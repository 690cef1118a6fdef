import { isParticipatingState } from '#shared/reference/states.ts';
import { phaseOf, type SecondmentAction } from '#shared/secondments.ts';
import type { Caller } from '../lib/caller.ts';
import type { SecondmentRecord } from './secondment-repository.ts';

/**
 * Who sees and does what with secondments (Art. 3: states inform one another, the Council and the
 * Commission). The server decides; responses carry the result in `allowed`.
 */

/** Editors and coordinators of the seconding state write its secondments. */
export function isWriterFor(caller: Caller, state: string): boolean {
  return caller.organisation === state && (caller.role === 'editor' || caller.role === 'coordinator');
}

/** Notified secondments are read by every participating state, the Commission and the Council. */
export function readsNotifiedSecondments(caller: Caller): boolean {
  return (
    isParticipatingState(caller.organisation) ||
    caller.organisation === 'EC' ||
    caller.organisation === 'COUNCIL'
  );
}

/** A draft is seen by its own state alone; anything notified by every reader of notifications. */
export function canSee(caller: Caller, secondment: SecondmentRecord): boolean {
  if (secondment.status === 'draft') return caller.organisation === secondment.state;
  return readsNotifiedSecondments(caller);
}

/** The officer's name and contact: participating states and the Commission only. */
export function canSeeOfficer(caller: Caller): boolean {
  return isParticipatingState(caller.organisation) || caller.organisation === 'EC';
}

export function allowedActions(
  caller: Caller,
  secondment: SecondmentRecord,
  today: string,
): SecondmentAction[] {
  if (!isWriterFor(caller, secondment.state)) return [];
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

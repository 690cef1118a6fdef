import type { Caller } from '../lib/caller.ts';
import { isAmong, isCoordinator, isStateCoordinator } from '../lib/roles.ts';
import type { ArrangementRecord } from './arrangement-repository.ts';

/** Who proposes, accepts and withdraws arrangements between states: the parties' coordinators. */

export type ArrangementAction = 'accept' | 'withdraw';

/** A state's coordinators propose arrangements (their state among the parties). */
export const proposesArrangements = (caller: Caller) => isStateCoordinator(caller);

/** A coordinator of one of the parties acts on the arrangement. */
export const actsOnArrangement = (caller: Caller, record: Pick<ArrangementRecord, 'parties'>) =>
  isCoordinator(caller) && isAmong(caller, record.parties);

export function allowedOnArrangement(caller: Caller, record: ArrangementRecord): ArrangementAction[] {
  if (!actsOnArrangement(caller, record) || record.status === 'withdrawn') return [];
  const accepts = record.status === 'proposed' && !isAmong(caller, record.acceptedBy);
  return accepts ? ['accept', 'withdraw'] : ['withdraw'];
}

import type { Member } from '#shared/networks.ts';
import type { Caller } from '../lib/caller.ts';
import { isAmong, isCommissionAdmin, isCoordinator, isStateWriter, isWriter } from '../lib/roles.ts';

/**
 * Who records a network's activities, designates its acting state and reassigns its drafting state;
 * who keeps the regional networks. The server decides; responses carry the result in `allowed`.
 */

export type NetworkAction = 'record_activity' | 'designate_acting_state' | 'reassign_drafting_state';
export type ActivityAction = 'edit';

const isMemberCaller = (caller: Caller, members: readonly Member[]) =>
  isAmong(
    caller,
    members.map((m) => m.state),
  );

/** Editors and coordinators of a state with an ILO in the network during the semester. */
export const recordsActivitiesIn = (caller: Caller, members: readonly Member[]) =>
  isWriter(caller) && isMemberCaller(caller, members);

/** The recording state's editors and coordinators change an activity. */
export const editsActivity = (caller: Caller, activity: { recordedBy: string }) =>
  isWriter(caller) && caller.organisation === activity.recordedBy;

/** The network's member coordinators, or the Commission's administrators. */
export const designatesActingStateIn = (caller: Caller, members: readonly Member[]) =>
  (isCoordinator(caller) && isMemberCaller(caller, members)) || isCommissionAdmin(caller);

/** The Commission's reassignment of a drafting state, before or after the close. */
export const reassignsDraftingState = (caller: Caller) => isCommissionAdmin(caller);

/** Regional networks are reference data kept by the Commission's administrators. */
export const managesRegions = (caller: Caller) => isCommissionAdmin(caller);

/** Capabilities (`GET /api/me`): what the organisation and role can ever do with networks. */
export const recordsActivities = isStateWriter;

/** A closed semester's activities and acting state are settled; the Commission may still reassign. */
export function allowedOnNetwork(caller: Caller, members: readonly Member[], open: boolean): NetworkAction[] {
  const allowed: NetworkAction[] = [];
  if (open && recordsActivitiesIn(caller, members)) allowed.push('record_activity');
  if (open && designatesActingStateIn(caller, members)) allowed.push('designate_acting_state');
  if (reassignsDraftingState(caller)) allowed.push('reassign_drafting_state');
  return allowed;
}

export function allowedOnActivity(
  caller: Caller,
  activity: { recordedBy: string },
  open: boolean,
): ActivityAction[] {
  return open && editsActivity(caller, activity) ? ['edit'] : [];
}

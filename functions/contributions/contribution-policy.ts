import type { ContributionAction } from '#shared/contributions.ts';
import type { Caller } from '../lib/caller.ts';
import {
  isCommission,
  isCommissionAdmin,
  isCoordinatorFor,
  isStateCoordinator,
  isStateWriter,
  isWriterFor,
} from '../lib/roles.ts';
import type { SemesterStatus } from '../semesters/semester-repository.ts';
import type { ContributionRecord } from './contribution-repository.ts';

/**
 * Who reads, writes, submits and reopens a state's contribution to a network's report, and when a
 * contribution is locked (DHIS2-style reason-specific locks). The server decides; responses carry
 * the result in `allowed` and `lock`.
 */

/** What the rules look at: the semester's state, the network's drafting state, the stored record. */
export interface ContributionSituation {
  semesterStatus: SemesterStatus;
  draftingState: string | undefined;
  record: ContributionRecord | undefined;
}

export type ContributionLock = 'already_submitted' | 'semester_closed';

/** Why a contribution cannot be edited now, if it cannot. */
export function lockOf(
  record: ContributionRecord | undefined,
  semesterStatus: SemesterStatus,
): ContributionLock | undefined {
  if (record?.status === 'submitted') return 'already_submitted';
  if (semesterStatus === 'closed' && record?.status !== 'reopened') return 'semester_closed';
  return undefined;
}

/** Editors and coordinators of the state write its contribution. */
export const writesContributionOf = (caller: Caller, state: string) => isWriterFor(caller, state);

/** Coordinators of the state submit its contribution. */
export const submitsContributionOf = (caller: Caller, state: string) => isCoordinatorFor(caller, state);

/** A late-submission exception is granted by the Commission's admins or the drafting state's coordinators. */
export const reopensContributions = (caller: Caller, draftingState: string | undefined) =>
  isCommissionAdmin(caller) || isCoordinatorFor(caller, draftingState);

/** The state itself, the Commission, and the drafting state once the semester is closed. */
export function readsContributionOf(caller: Caller, state: string, situation: ContributionSituation) {
  if (caller.organisation === state || isCommission(caller)) return true;
  return situation.semesterStatus === 'closed' && caller.organisation === situation.draftingState;
}

/** Capabilities (`GET /api/me`): what the organisation and role can ever do with contributions. */
export const writesContributions = isStateWriter;
/** The Commission reads every state's contribution, in any semester. */
export const readsEveryContribution = isCommission;
export const submitsContributions = isStateCoordinator;

export function allowedOnContribution(
  caller: Caller,
  state: string,
  { semesterStatus, draftingState, record }: ContributionSituation,
): ContributionAction[] {
  const allowed: ContributionAction[] = [];
  const lock = lockOf(record, semesterStatus);
  if (writesContributionOf(caller, state) && !lock) allowed.push('edit');
  if (submitsContributionOf(caller, state) && !lock && record) allowed.push('submit');
  const reopenable =
    record?.status === 'submitted' || (semesterStatus === 'closed' && record?.status !== 'reopened');
  if (reopensContributions(caller, draftingState) && reopenable) allowed.push('reopen');
  return allowed;
}

import type { Capability } from '#shared/api/schemas.ts';
import { submitsContributions, writesContributions } from '../contributions/contribution-policy.ts';
import { proposesArrangements } from '../networks/arrangement-policy.ts';
import { managesRegions, reassignsDraftingState, recordsActivities } from '../networks/network-policy.ts';
import { setsPresidency } from '../reference/reference-policy.ts';
import { readsNotifiedSecondments, writesSecondments } from '../secondments/secondment-policy.ts';
import { closesSemesters } from '../semesters/semester-policy.ts';
import type { Caller } from './caller.ts';

/**
 * The caller's general capabilities, for menus and buttons, composed from the policies. Each endpoint
 * still decides for itself (membership, ownership, locks); these say only what the organisation and
 * role can ever do.
 */
export function capabilitiesOf(caller: Caller): Capability[] {
  const all: [Capability, boolean][] = [
    ['secondments.read', readsNotifiedSecondments(caller)],
    ['secondments.write', writesSecondments(caller)],
    ['networks.record_activity', recordsActivities(caller)],
    ['arrangements.propose', proposesArrangements(caller)],
    ['contributions.write', writesContributions(caller)],
    ['contributions.submit', submitsContributions(caller)],
    ['semesters.close', closesSemesters(caller)],
    ['regions.manage', managesRegions(caller)],
    ['drafting.reassign', reassignsDraftingState(caller)],
    ['presidency.set', setsPresidency(caller)],
  ];
  return all.filter(([, allowed]) => allowed).map(([capability]) => capability);
}

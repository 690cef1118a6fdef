import type { Capability } from '#shared/api/schemas.ts';
import {
  readsEveryContribution,
  submitsContributions,
  writesContributions,
} from '../contributions/contribution-policy.ts';
import { proposesArrangements } from '../networks/arrangement-policy.ts';
import { managesRegions, reassignsDraftingState, recordsActivities } from '../networks/network-policy.ts';
import { managesEveryOrganisation, managesPeople } from '../people/people-policy.ts';
import { setsPresidency } from '../reference/reference-policy.ts';
import { readsAnnualSummary, readsGeneratedReports } from '../reports/report-policy.ts';
import {
  keepsSecondmentDrafts,
  readsNotifiedSecondments,
  writesSecondments,
} from '../secondments/secondment-policy.ts';
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
    ['secondments.drafts', keepsSecondmentDrafts(caller)],
    ['networks.record_activity', recordsActivities(caller)],
    ['arrangements.propose', proposesArrangements(caller)],
    ['contributions.write', writesContributions(caller)],
    ['contributions.submit', submitsContributions(caller)],
    ['contributions.read_all', readsEveryContribution(caller)],
    ['reports.read_generated', readsGeneratedReports(caller)],
    ['reports.read_annual', readsAnnualSummary(caller)],
    ['semesters.close', closesSemesters(caller)],
    ['regions.manage', managesRegions(caller)],
    ['drafting.reassign', reassignsDraftingState(caller)],
    // The people directory: a state's coordinators for their state, the EC admin for everyone.
    ['people.manage', managesPeople(caller)],
    ['people.manage_all', managesEveryOrganisation(caller)],
    ['presidency.set', setsPresidency(caller)],
  ];
  return all.filter(([, allowed]) => allowed).map(([capability]) => capability);
}

import type { Capability } from '#shared/api/schemas.ts';
import { isParticipatingState } from '#shared/reference/states.ts';
import { readsNotifiedSecondments } from '../secondments/secondment-policy.ts';
import type { Caller } from './http/caller.ts';

/**
 * The caller's general capabilities, for menus and buttons. Each endpoint still decides for itself
 * (membership, ownership, locks); these say only what the organisation and role can ever do.
 */
export function capabilitiesOf(caller: Caller): Capability[] {
  const state = isParticipatingState(caller.organisation);
  const writer = state && (caller.role === 'editor' || caller.role === 'coordinator');
  const admin = caller.organisation === 'EC' && caller.role === 'admin';
  const all: [Capability, boolean][] = [
    ['secondments.read', readsNotifiedSecondments(caller)],
    ['secondments.write', writer],
    ['secondments.drafts', state],
    ['networks.record_activity', writer],
    ['arrangements.propose', state && caller.role === 'coordinator'],
    ['contributions.write', writer],
    ['contributions.submit', state && caller.role === 'coordinator'],
    ['contributions.read_all', caller.organisation === 'EC'],
    ['reports.read_generated', state || caller.organisation === 'EC'],
    ['reports.read_annual', ['EC', 'COUNCIL', 'EP'].includes(caller.organisation)],
    ['semesters.close', admin],
    ['regions.manage', admin],
    ['drafting.reassign', admin],
  ];
  return all.filter(([, allowed]) => allowed).map(([capability]) => capability);
}

import type { PersonAction } from '#shared/people.ts';
import { isValidMembership, type OrganisationCode, type Role } from '#shared/reference/organisations.ts';
import { isParticipatingState } from '#shared/reference/states.ts';
import type { Caller } from '../lib/caller.ts';
import { isCommissionAdmin, isCoordinatorFor, isStateCoordinator } from '../lib/roles.ts';
import type { PersonRecord } from './person-repository.ts';

/**
 * Who manages whom in the people directory. Each organisation runs its own accounts, with the
 * Commission above them: a state's coordinators manage their state's editors, coordinators and
 * readers; the EC admin manages anyone (any organisation, any role it can hold). Nobody disables
 * themselves; the last active coordinator of a state is kept by the service (an aggregate count).
 */

/** May the caller manage people at all (a menu's question): a state's coordinators, the EC admin. */
export const managesPeople = (caller: Caller): boolean =>
  isCommissionAdmin(caller) || isStateCoordinator(caller);

/** May the caller manage the people of every organisation (pick any in the menu's page)? The EC admin. */
export const managesEveryOrganisation = (caller: Caller): boolean => isCommissionAdmin(caller);

/** May the caller see and manage the people of this organisation at all? */
export function managesOrganisation(caller: Caller, organisation: string): boolean {
  return (
    managesEveryOrganisation(caller) || (isStateCoordinator(caller) && isCoordinatorFor(caller, organisation))
  );
}

/** May the caller give a person of this organisation this role (on invitation or by a change)? */
export function mayAssign(caller: Caller, organisation: OrganisationCode, role: Role): boolean {
  return managesOrganisation(caller, organisation) && isValidMembership(organisation, role);
}

/** A state's coordinators count towards its last-coordinator rule only while active. */
export function countsAsCoordinator(person: Pick<PersonRecord, 'organisation' | 'role' | 'status'>): boolean {
  return (
    person.status === 'active' && person.role === 'coordinator' && isParticipatingState(person.organisation)
  );
}

/**
 * The actions on a person the caller may take now. `lastCoordinator`: the person is its state's
 * only active coordinator (it cannot be disabled; a change of role would be refused too).
 */
export function allowedOnPerson(
  caller: Caller,
  person: PersonRecord,
  lastCoordinator: boolean,
): PersonAction[] {
  if (!managesOrganisation(caller, person.organisation)) return [];
  const self = person.id === caller.subject;
  const allowed: PersonAction[] = ['edit'];
  if (person.status === 'active' && !self && !(lastCoordinator && countsAsCoordinator(person)))
    allowed.push('disable');
  if (person.status === 'disabled') allowed.push('enable');
  return allowed;
}

import type { InstitutionCode } from '#shared/reference/organisations.ts';
import { isParticipatingState } from '#shared/reference/states.ts';
import type { Caller } from './caller.ts';

/**
 * The organisation and role predicates every policy builds on (secondment-policy.ts,
 * contribution-policy.ts, network-policy.ts, ...). Editors and coordinators are always a
 * participating state's (shared/reference/organisations.ts, `rolesFor`), admins the Commission's.
 */

/** A participating state's person, whatever the role. */
export const actsForState = (caller: Caller): boolean => isParticipatingState(caller.organisation);

/** Editors and coordinators write their state's records; readers only read. */
export const isWriter = (caller: Caller): boolean =>
  caller.role === 'editor' || caller.role === 'coordinator';

export const isCoordinator = (caller: Caller): boolean => caller.role === 'coordinator';

/** A writer of a participating state. */
export const isStateWriter = (caller: Caller): boolean => actsForState(caller) && isWriter(caller);

/** A coordinator of a participating state. */
export const isStateCoordinator = (caller: Caller): boolean => actsForState(caller) && isCoordinator(caller);

/** An editor or coordinator of this state. */
export const isWriterFor = (caller: Caller, state: string | undefined): boolean =>
  caller.organisation === state && isWriter(caller);

/** A coordinator of this state. */
export const isCoordinatorFor = (caller: Caller, state: string | undefined): boolean =>
  caller.organisation === state && isCoordinator(caller);

export const isCommission = (caller: Caller): boolean => caller.organisation === 'EC';

export const isCommissionAdmin = (caller: Caller): boolean => isCommission(caller) && caller.role === 'admin';

/** The caller's organisation is one of these institutions. */
export const isInstitution = (caller: Caller, institutions: readonly InstitutionCode[]): boolean =>
  (institutions as readonly string[]).includes(caller.organisation);

/** The caller's organisation is one of these (member states, parties, ...). */
export const isAmong = (caller: Caller, organisations: readonly string[]): boolean =>
  organisations.includes(caller.organisation);

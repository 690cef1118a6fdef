import { organisationName } from '#shared/reference/organisations.ts';
import type { Caller } from '../lib/caller.ts';
import { capabilitiesOf } from '../lib/capabilities.ts';
import { AppError } from '../lib/errors.ts';
import { type PersonRecord, PersonRepository } from './person-repository.ts';

/** Reads of the people directory that any request may make (kept apart from the identity provider). */

/**
 * The entry the request chain's check read for each caller it answered, so that the handler of the
 * same request (`GET /api/me`, the preferences) does not read it again. Keyed by the Caller object of
 * that one request: gone with it.
 */
const checkedEntries = new WeakMap<Caller, PersonRecord>();

/** The caller's own entry (the request chain has already found it there). */
export async function ownEntry(caller: Caller): Promise<PersonRecord> {
  const person = checkedEntries.get(caller) ?? (await PersonRepository.get(caller.subject));
  if (!person) throw new AppError('unknown_person', 'Your account is not in the directory.');
  return person;
}

/**
 * The directory check of every signed-in request: the token's subject must be an active person
 * whose organisation and role are the token's. One GetItem. Answers the caller as the directory
 * names it.
 */
export async function checkedCaller(claimed: Caller): Promise<Caller> {
  const person = await PersonRepository.get(claimed.subject);
  if (!person) {
    throw new AppError(
      'unknown_person',
      'Your account is not in the people directory: ask your coordinator.',
    );
  }
  if (person.status !== 'active') {
    throw new AppError('account_disabled', 'Your account has been disabled: ask your coordinator.');
  }
  if (person.organisation !== claimed.organisation || person.role !== claimed.role) {
    throw new AppError(
      'membership_changed',
      'Your organisation or role has changed since you signed in: sign in again.',
    );
  }
  const caller: Caller = { ...claimed, name: person.name };
  checkedEntries.set(caller, person);
  return caller;
}

/** `GET /api/me`: who the caller is, as the token and the directory say, with what it may do. */
export function meOf(caller: Caller, person: PersonRecord) {
  return {
    organisation: caller.organisation,
    organisationName: organisationName(caller.organisation),
    role: caller.role,
    name: person.name,
    capabilities: capabilitiesOf(caller),
    id: person.id,
    email: person.email,
    language: person.language,
    preferences: { notifications: person.notifications },
    version: person.version,
  };
}

export async function describeMe(caller: Caller) {
  return meOf(caller, await ownEntry(caller));
}

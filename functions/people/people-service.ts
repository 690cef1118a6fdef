import type { CreatePerson, Person, UpdatePerson } from '#shared/people.ts';
import type { NotificationPreferences, PersonLanguage } from '#shared/preferences.ts';
import {
  isValidMembership,
  type OrganisationCode,
  type Role,
  rolesFor,
} from '#shared/reference/organisations.ts';
import { isParticipatingState } from '#shared/reference/states.ts';
import { type AuditRecord, actorOf, auditEntry } from '../audit/audit-repository.ts';
import type { Caller } from '../lib/caller.ts';
import { AppError, forbidden, notFound, staleVersion } from '../lib/errors.ts';
import { type Idempotency, noIdempotency } from '../lib/idempotency.ts';
import { ConditionFailed, type TransactItem, transact } from '../lib/transactions.ts';
import { ownEntry } from './directory.ts';
import { emailInUse, identityProvider } from './identity.ts';
import { allowedOnPerson, countsAsCoordinator, managesOrganisation, mayAssign } from './people-policy.ts';
import { type PersonRecord, PersonRepository } from './person-repository.ts';

/**
 * The people directory's use cases: list, invite, change, disable, enable, one's own preferences,
 * and the check the request chain makes of every caller. Each write is one transaction (person,
 * e-mail item, coordinator count, audit entry); the identity provider is told after it committed, so
 * a refused change (stale, e-mail in use, last coordinator) never reaches Cognito.
 */

/** Who writes to the directory without being a signed-in person: the operators' script, the dev login. */
export interface SystemActor {
  system: AuditRecord['actor'];
}
export type DirectoryActor = Caller | SystemActor;
const isSystem = (actor: DirectoryActor): actor is SystemActor => 'system' in actor;
const auditActor = (actor: DirectoryActor) => (isSystem(actor) ? actor.system : actorOf(actor));

/** `npm run create-user`: the operator who creates the first administrator (and may create anyone). */
export const OPERATOR: SystemActor = {
  system: { subject: 'operator', organisation: 'OPERATOR', role: 'create-user' },
};

const lastCoordinatorRefused = () =>
  new AppError(
    'last_coordinator',
    'This is the last active coordinator of the state: make another person coordinator first.',
  );

async function present(caller: Caller, person: PersonRecord, activeCoordinators?: number): Promise<Person> {
  const count =
    activeCoordinators ??
    (countsAsCoordinator(person) ? await PersonRepository.activeCoordinators(person.organisation) : 2);
  const { notifications: _n, createdAt: _c, updatedAt: _u, ...shown } = person;
  return { ...shown, allowed: allowedOnPerson(caller, person, count <= 1) };
}

/** The coordinator count's change when a person goes from `before` to `after` (or appears). */
function coordinatorChange(before: PersonRecord | undefined, after: PersonRecord): TransactItem[] {
  const was = before ? countsAsCoordinator(before) : false;
  const is = countsAsCoordinator(after);
  if (was === is) return [];
  return [PersonRepository.changeActiveCoordinators(after.organisation, is ? 1 : -1)];
}

async function write(
  actor: DirectoryActor,
  before: PersonRecord | undefined,
  after: PersonRecord,
  action: string,
  alongside: TransactItem[] = [],
): Promise<void> {
  const emailMoves = before !== undefined && before.email.toLowerCase() !== after.email.toLowerCase();
  const items: TransactItem[] = [
    PersonRepository.put(after, before?.version),
    ...(before === undefined || emailMoves ? [PersonRepository.claimEmail(after.email, after.id)] : []),
    ...(emailMoves && before ? [PersonRepository.releaseEmail(before.email, before.id)] : []),
    ...coordinatorChange(before, after),
    auditEntry({
      kind: 'person',
      entityId: after.id,
      owner: after.organisation,
      action,
      at: after.updatedAt,
      actor: auditActor(actor),
      ...(before ? { before } : {}),
      after,
    }),
    ...alongside,
  ];
  try {
    await transact(items);
  } catch (error) {
    if (!(error instanceof ConditionFailed)) throw error;
    const failed = items[error.index];
    const key = String(failed?.Put?.Item?.pk ?? failed?.Update?.Key?.pk ?? '');
    if (key.startsWith('EMAIL#')) throw emailInUse(after.email);
    if (key.startsWith('ORGANISATION#')) throw lastCoordinatorRefused();
    throw before ? staleVersion('this person') : new AppError('conflict', 'This person already exists.');
  }
}

function membershipOrRefuse(organisation: OrganisationCode, role: Role): void {
  if (!isValidMembership(organisation, role)) {
    throw new AppError('invalid_request', 'One field needs correcting.', {
      role: `Roles for ${organisation}: ${rolesFor(organisation).join(', ')}`,
    });
  }
}

/**
 * Invites a person: the identity first (its subject is the person's id), then the directory entry;
 * `answer` gives what a keyed request stores with it (the Idempotency-Key's record).
 */
export async function createPerson(
  actor: DirectoryActor,
  input: CreatePerson,
  now: Date,
  answer: (record: PersonRecord) => Promise<TransactItem[]> = async () => [],
): Promise<PersonRecord> {
  const organisation = input.organisation ?? (isSystem(actor) ? undefined : actor.organisation);
  if (!organisation)
    throw new AppError('invalid_request', 'Name the organisation.', { organisation: 'Required' });
  membershipOrRefuse(organisation, input.role);
  if (!isSystem(actor) && !mayAssign(actor, organisation, input.role)) {
    throw forbidden(
      "A state's coordinators invite their own state's editors, coordinators and readers; the Commission's administrators anyone.",
    );
  }
  // Asked before the identity is created, so a taken address creates no account; the transaction's
  // condition on the e-mail item is what decides a race.
  if (await PersonRepository.findByEmail(input.email)) throw emailInUse(input.email);
  const identity = await identityProvider();
  const { subject } = await identity.create({ ...input, organisation });
  const at = now.toISOString();
  const record: PersonRecord = {
    id: subject,
    organisation,
    role: input.role,
    name: input.name,
    email: input.email,
    language: input.language,
    status: 'active',
    notifications: {},
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  try {
    await write(actor, undefined, record, 'created', await answer(record));
  } catch (error) {
    await identity.remove(subject);
    throw error;
  }
  return record;
}

export async function invitePerson(
  caller: Caller,
  input: CreatePerson,
  now: Date,
  idempotency: Idempotency = noIdempotency,
): Promise<Person> {
  let shown: Person | undefined;
  const record = await createPerson(caller, input, now, async (created) => {
    // The answer before the write: the count the person joins (a first coordinator is the last one).
    const others = countsAsCoordinator(created)
      ? await PersonRepository.activeCoordinators(created.organisation)
      : 1;
    shown = await present(caller, created, others + 1);
    return idempotency.record(shown);
  });
  return shown ?? present(caller, record);
}

async function loadForChange(caller: Caller, id: string, version: number): Promise<PersonRecord> {
  const person = await PersonRepository.get(id);
  if (!person) throw notFound('The person');
  if (!managesOrganisation(caller, person.organisation)) {
    throw forbidden("A state's people are managed by its coordinators and the Commission's administrators.");
  }
  if (person.version !== version) throw staleVersion('this person', person.version);
  return person;
}

export async function updatePerson(
  caller: Caller,
  id: string,
  input: UpdatePerson,
  now: Date,
): Promise<Person> {
  const before = await loadForChange(caller, id, input.version);
  if (input.role !== before.role) {
    membershipOrRefuse(before.organisation, input.role);
    if (id === caller.subject)
      throw forbidden('Ask another coordinator or the Commission to change your own role.');
  }
  // A new address is not the one that bounced: the directory's mark goes with the old one.
  const { mailSuppressed: _bounced, ...unmarked } = before;
  const emailMoves = input.email !== undefined && input.email.toLowerCase() !== before.email.toLowerCase();
  const after: PersonRecord = {
    ...(emailMoves ? unmarked : before),
    role: input.role,
    name: input.name,
    language: input.language,
    email: input.email ?? before.email,
    version: before.version + 1,
    updatedAt: now.toISOString(),
  };
  await write(caller, before, after, 'updated');
  await (await identityProvider()).update(id, after, after.role !== before.role);
  return present(caller, after);
}

/** Disables or enables a person: the directory first (a refused change never reaches the identity provider). */
async function setStatus(
  caller: Caller,
  id: string,
  version: number,
  now: Date,
  status: PersonRecord['status'],
): Promise<Person> {
  const before = await loadForChange(caller, id, version);
  if (status === 'disabled' && id === caller.subject)
    throw forbidden('Nobody disables their own account: ask another coordinator.');
  if (before.status === status) throw new AppError('not_editable', `This person is already ${status}.`);
  const after: PersonRecord = {
    ...before,
    status,
    version: before.version + 1,
    updatedAt: now.toISOString(),
  };
  await write(caller, before, after, status === 'disabled' ? 'disabled' : 'enabled');
  const identity = await identityProvider();
  await (status === 'disabled' ? identity.disable(id) : identity.enable(id));
  return present(caller, after);
}

export const disablePerson = (caller: Caller, id: string, version: number, now: Date) =>
  setStatus(caller, id, version, now, 'disabled');

export const enablePerson = (caller: Caller, id: string, version: number, now: Date) =>
  setStatus(caller, id, version, now, 'active');

export async function listPeople(
  caller: Caller,
  query: { organisation?: OrganisationCode | undefined; limit: number; cursor?: string | undefined },
) {
  const organisation = query.organisation ?? caller.organisation;
  if (!managesOrganisation(caller, organisation)) {
    throw forbidden(
      "The people of a state are listed by its coordinators and the Commission's administrators.",
    );
  }
  const [page, activeCoordinators] = await Promise.all([
    PersonRepository.listByOrganisation(organisation, query.limit, query.cursor),
    isParticipatingState(organisation)
      ? PersonRepository.activeCoordinators(organisation)
      : Promise.resolve(0),
  ]);
  const items = await Promise.all(page.items.map((person) => present(caller, person, activeCoordinators)));
  return { items, nextCursor: page.nextCursor };
}

export async function updatePreferences(
  caller: Caller,
  input: { version: number; language: PersonLanguage; notifications: NotificationPreferences },
  now: Date,
): Promise<PersonRecord> {
  const before = await ownEntry(caller);
  if (before.version !== input.version) throw staleVersion('your preferences', before.version);
  const after: PersonRecord = {
    ...before,
    language: input.language,
    notifications: input.notifications,
    version: before.version + 1,
    updatedAt: now.toISOString(),
  };
  await write(caller, before, after, 'preferences_updated');
  return after;
}

/** The subject of an organisation's demo person for a role, as the local dev login signs it in. */
export const demoSubject = (organisation: string, role: string) =>
  `local-${organisation.toLowerCase()}-${role}`;

const DEV_LOGIN: SystemActor = { system: { subject: 'dev-login', organisation: 'LOCAL', role: 'dev-login' } };

/**
 * The local dev login's `{ organisation, role }`: that organisation's demo person for the role,
 * created on first use (two first sign-ins at once: one creates it, both get it).
 */
export async function demoPerson(
  organisation: OrganisationCode,
  role: Role,
  name: string,
  now: Date,
): Promise<PersonRecord> {
  const id = demoSubject(organisation, role);
  const existing = await PersonRepository.get(id);
  if (existing) return existing;
  const at = now.toISOString();
  const record: PersonRecord = {
    id,
    organisation,
    role,
    name,
    email: `${role}.${organisation.toLowerCase()}@demo.ilo-network.example`,
    language: 'en',
    status: 'active',
    notifications: {},
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  try {
    await write(DEV_LOGIN, undefined, record, 'created');
    return record;
  } catch (error) {
    const created = error instanceof AppError ? await PersonRepository.get(id) : undefined;
    if (created) return created;
    throw error;
  }
}

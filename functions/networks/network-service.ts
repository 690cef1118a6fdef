import type { z } from 'zod';
import {
  type ActivityKind,
  activitySchemas,
  draftingStateFor,
  type Member,
  membersDuring,
  membersInSemester,
  NETWORK_ID_PATTERN,
  type Posting,
} from '#shared/networks.ts';
import { isHostCountry } from '#shared/reference/states.ts';
import { brusselsDate, isSemesterId, semester, semesterIdAt, semesterIdOfDate } from '#shared/semesters.ts';
import { actorOf, auditEntry } from '../audit/audit-repository.ts';
import type { Caller } from '../lib/caller.ts';
import { AppError, forbidden, invalidFields, notFound, staleVersion } from '../lib/errors.ts';
import { type Idempotency, noIdempotency } from '../lib/idempotency.ts';
import { newId } from '../lib/ids.ts';
import { ConditionFailed, type TransactItem, transact } from '../lib/transactions.ts';
import { SemesterRepository } from '../semesters/semester-repository.ts';
import { type ActivityRecord, activityWrites } from './activity-repository.ts';
import { ArrangementRepository } from './arrangement-repository.ts';
import {
  type ActivityAction,
  allowedOnActivity,
  allowedOnNetwork,
  designatesActingStateIn,
  editsActivity,
  reassignsDraftingState,
  recordsActivities,
  recordsActivitiesIn,
} from './network-policy.ts';
import { draftingWrites, NetworkRepository } from './network-repository.ts';
import { RegionRepository } from './region-repository.ts';

/** What the recording state may do with an activity it just wrote. */
const EDITABLE: ActivityAction[] = ['edit'];

interface NetworkIdentity {
  id: string;
  kind: 'country' | 'regional';
  name?: string;
  hostCountries: string[];
}

async function identify(networkId: string): Promise<NetworkIdentity> {
  if (NETWORK_ID_PATTERN.test(networkId) && isHostCountry(networkId)) {
    return { id: networkId, kind: 'country', hostCountries: [networkId] };
  }
  const region = networkId.startsWith('R-') ? await RegionRepository.get(networkId) : undefined;
  if (!region) throw notFound('The network');
  return { id: region.id, kind: 'regional', name: region.name, hostCountries: region.hostCountries };
}

/** Everything a network page needs: its own partition, plus the postings of a regional network's countries. */
async function load(network: NetworkIdentity) {
  const own = await NetworkRepository.partition(network.id);
  const postings =
    network.kind === 'country'
      ? own.postings
      : (await Promise.all(network.hostCountries.map((cc) => NetworkRepository.postings(cc)))).flat();
  return { own, postings };
}

async function semesterRecordOf(semesterId: string) {
  const record = await SemesterRepository.get(semesterId);
  if (!record)
    throw new AppError('invalid_request', 'No Presidency is recorded for this semester.', {
      semester: 'unknown',
    });
  return record;
}

/** Networks with an ILO active today, with their members now; regional networks too. */
export async function listNetworks(now: Date) {
  const today = brusselsDate(now);
  const [postings, regions] = await Promise.all([NetworkRepository.allPostings(), RegionRepository.list()]);
  const byHost = new Map<string, Posting[]>();
  for (const posting of postings)
    byHost.set(posting.hostCountry, [...(byHost.get(posting.hostCountry) ?? []), posting]);
  const country = [...byHost.entries()]
    .map(([hostCountry, list]) => ({
      id: hostCountry,
      kind: 'country' as const,
      hostCountries: [hostCountry],
      members: membersDuring(list, today, today),
    }))
    .filter((network) => network.members.length > 0)
    .sort((a, b) => a.id.localeCompare(b.id));
  const regional = regions.map((region) => ({
    id: region.id,
    kind: 'regional' as const,
    name: region.name,
    hostCountries: region.hostCountries,
    members: membersDuring(
      region.hostCountries.flatMap((cc) => byHost.get(cc) ?? []),
      today,
      today,
    ),
  }));
  return { items: [...country, ...regional] };
}

function isMember(members: readonly Member[], state: string) {
  return members.some((m) => m.state === state);
}

/**
 * A network in one semester: who was a member, who drafts its report and why, its activities and the
 * arrangements in force. Shared by the network page, the contributions and the report.
 */
export async function networkInSemester(networkId: string, semesterId: string) {
  const network = await identify(networkId);
  const { start, end } = semester(semesterId);
  const [{ own, postings }, semesterRecord, arrangements] = await Promise.all([
    load(network),
    semesterRecordOf(semesterId),
    ArrangementRepository.list(),
  ]);
  const { presidency } = semesterRecord;
  const members = membersInSemester(postings, semesterId);
  const designation = own.designationIn(semesterId);
  return {
    network,
    postings,
    presidency,
    semesterStatus: semesterRecord.status,
    members,
    designation,
    drafting: draftingStateFor({ presidency, members, ...designation }),
    activities: own
      .activitiesIn(semesterId)
      .sort((a, b) => String(a.fields.date).localeCompare(String(b.fields.date))),
    arrangements: arrangements.filter(
      (a) =>
        a.status !== 'withdrawn' &&
        a.hostCountries.some((cc) => network.hostCountries.includes(cc)) &&
        a.validFrom <= end &&
        (!a.validTo || a.validTo >= start),
    ),
  };
}

export async function getNetwork(
  caller: Caller,
  networkId: string,
  semesterParam: string | undefined,
  now: Date,
) {
  const semesterId = semesterParam ?? semesterIdAt(now);
  const today = brusselsDate(now);
  const {
    network,
    postings,
    presidency,
    semesterStatus,
    members,
    designation,
    drafting,
    activities,
    arrangements,
  } = await networkInSemester(networkId, semesterId);
  const open = semesterStatus !== 'closed';
  return {
    ...network,
    members: membersDuring(postings, today, today),
    semester: {
      id: semesterId,
      presidency,
      members,
      draftingState: drafting ?? null,
      ...(designation.actingState ? { actingState: designation.actingState } : {}),
      ...(designation.reassignedTo ? { reassignedTo: designation.reassignedTo } : {}),
      designationVersion: designation.version,
      status: open ? ('open' as const) : ('closed' as const),
      // Settled when the semester closes (and stored with each report); until then membership may change it.
      provisional: open,
    },
    activities: activities.map((a) => ({
      ...a,
      allowed: allowedOnActivity(caller, a, open),
    })),
    arrangements,
    allowed: allowedOnNetwork(caller, members, open),
  };
}

async function requireMemberWriter(caller: Caller, network: NetworkIdentity, semesterId: string) {
  if (!recordsActivities(caller))
    throw forbidden("Activities are recorded by member states' editors and coordinators.");
  const { postings } = await load(network);
  if (!recordsActivitiesIn(caller, membersInSemester(postings, semesterId))) {
    throw forbidden(`Only states with an ILO in this network during ${semesterId} record its activities.`);
  }
}

const semesterClosed = (semesterId: string) =>
  new AppError('semester_closed', `Semester ${semesterId} is closed: its activities can no longer change.`);

async function requireOpenSemester(semesterId: string) {
  const record = await SemesterRepository.get(semesterId);
  if (record?.status === 'closed') throw semesterClosed(semesterId);
}

export async function recordActivity(
  caller: Caller,
  networkId: string,
  kind: ActivityKind,
  fields: z.output<(typeof activitySchemas)[ActivityKind]>,
  now: Date,
  idempotency: Idempotency = noIdempotency,
) {
  const network = await identify(networkId);
  const semesterId = semesterIdOfDate(fields.date);
  await requireMemberWriter(caller, network, semesterId);
  await requireOpenSemester(semesterId);
  const at = now.toISOString();
  const record: ActivityRecord = {
    id: newId(),
    networkId: network.id,
    kind,
    semester: semesterId,
    recordedBy: caller.organisation,
    version: 1,
    createdAt: at,
    updatedAt: at,
    fields,
  };
  const answer = { ...record, allowed: EDITABLE };
  try {
    await transact([
      activityWrites.put(record, undefined),
      auditEntry({
        kind: 'activity',
        entityId: record.id,
        owner: caller.organisation,
        action: `${kind}_recorded`,
        at,
        actor: actorOf(caller),
        after: record,
      }),
      // A close committed since requireOpenSemester read the semester refuses the record.
      SemesterRepository.openCheck(semesterId),
      ...idempotency.record(answer),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 2) throw semesterClosed(semesterId);
    throw error;
  }
  return answer;
}

export async function updateActivity(
  caller: Caller,
  networkId: string,
  semesterId: string,
  activityId: string,
  input: { version: number; fields: Record<string, unknown> },
  now: Date,
) {
  const network = await identify(networkId);
  if (!isSemesterId(semesterId)) throw notFound('The activity');
  const before = await NetworkRepository.activity(network.id, semesterId, activityId);
  if (!before) throw notFound('The activity');
  if (!editsActivity(caller, before)) {
    throw forbidden("Only the recording state's editors and coordinators change this activity.");
  }
  if (before.version !== input.version) throw staleVersion('this activity', before.version);
  const parsed = activitySchemas[before.kind].safeParse(input.fields);
  if (!parsed.success) throw invalidFields('Some fields need correcting.', 'fields', parsed.error);
  const newSemester = semesterIdOfDate(String(parsed.data.date));
  await requireOpenSemester(before.semester);
  if (newSemester !== before.semester) await requireMemberWriter(caller, network, newSemester);
  const at = now.toISOString();
  const after: ActivityRecord = {
    ...before,
    semester: newSemester,
    fields: parsed.data,
    version: before.version + 1,
    updatedAt: at,
  };
  const items: TransactItem[] =
    newSemester === before.semester
      ? [activityWrites.put(after, before.version)]
      : [activityWrites.delete(before), activityWrites.put(after, undefined)];
  items.push(
    auditEntry({
      kind: 'activity',
      entityId: before.id,
      owner: before.recordedBy,
      action: `${before.kind}_updated`,
      at,
      actor: actorOf(caller),
      before,
      after,
    }),
  );
  // A close of its semester, committed since requireOpenSemester read it, refuses the change.
  items.push(SemesterRepository.openCheck(before.semester));
  try {
    await transact(items);
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === items.length - 1)
      throw semesterClosed(before.semester);
    if (error instanceof ConditionFailed) throw staleVersion('this activity');
    throw error;
  }
  return { ...after, allowed: EDITABLE };
}

/** Acting-state designation (member coordinators, EC) or the Commission's reassignment (EC admins). */
export async function designateDraftingState(
  caller: Caller,
  networkId: string,
  semesterId: string,
  input: { state: string; version: number },
  mode: 'acting' | 'reassign',
  now: Date,
) {
  const network = await identify(networkId);
  const { own, postings } = await load(network);
  const members = membersInSemester(postings, semesterId);
  if (mode === 'reassign' && !reassignsDraftingState(caller)) {
    throw forbidden("Only the Commission's administrators reassign the drafting state.");
  }
  if (mode === 'acting' && !designatesActingStateIn(caller, members)) {
    throw forbidden("The acting state is designated by the network's member coordinators or the Commission.");
  }
  if (!isMember(members, input.state)) {
    throw new AppError('invalid_request', 'Choose a state with an ILO in this network during the semester.', {
      state: `Members in ${semesterId}: ${members.map((m) => m.state).join(', ') || 'none'}`,
    });
  }
  // The acting state is settled at the close; the Commission's reassignment may come after it.
  if (mode === 'acting') await requireOpenSemester(semesterId);
  const before = own.designationIn(semesterId);
  if (before.version !== input.version)
    throw staleVersion("this network's drafting designation", before.version);
  const at = now.toISOString();
  const after = {
    ...(before.actingState ? { actingState: before.actingState } : {}),
    ...(before.reassignedTo ? { reassignedTo: before.reassignedTo } : {}),
    ...(mode === 'acting' ? { actingState: input.state } : { reassignedTo: input.state }),
    version: before.version + 1,
  };
  try {
    await transact([
      draftingWrites.put(network.id, semesterId, after, at, before.version),
      auditEntry({
        kind: 'drafting',
        entityId: `${network.id}.${semesterId}`,
        owner: network.id,
        action: mode === 'acting' ? 'acting_state_designated' : 'drafting_state_reassigned',
        at,
        actor: actorOf(caller),
        before,
        after,
      }),
      // The acting state is settled by the close: one committed since it was read refuses this.
      ...(mode === 'acting' ? [SemesterRepository.openCheck(semesterId)] : []),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 2) throw semesterClosed(semesterId);
    if (error instanceof ConditionFailed) throw staleVersion("this network's drafting designation");
    throw error;
  }
  return getNetwork(caller, network.id, semesterId, now);
}

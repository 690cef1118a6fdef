/**
 * Local and regional ILO networks (Art. 4) and representation / task-sharing arrangements (Art. 5).
 * Networks are derived from secondments, never typed in: the members of a network in a period are
 * the states with an ILO posted to one of its host countries during that period.
 */
import * as z from 'zod';
import { isHostCountry, isParticipatingState } from './reference/states.ts';
import { semester, semesterIdSchema } from './semesters.ts';

/** A country network's id is its host country code; a regional one's is `R-<slug>`. */
export const NETWORK_ID_PATTERN = /^([A-Z]{2}|R-[a-z0-9-]{2,40})$/;

export interface Posting {
  secondmentId: string;
  state: string;
  hostCountry: string;
  startDate: string;
  endDate?: string | undefined;
  /** The city of the post, for the report's composition (ILOs and posts per state; never names). */
  city?: string | undefined;
}

/** Whether a posting overlaps the period [from, to] (ISO dates, inclusive). */
export function postingOverlaps(posting: Posting, from: string, to: string): boolean {
  return posting.startDate <= to && (!posting.endDate || posting.endDate >= from);
}

export interface Member {
  state: string;
  ilos: number;
}

/** Members and their ILO counts over a period, in state-code order. */
export function membersDuring(postings: readonly Posting[], from: string, to: string): Member[] {
  const counts = new Map<string, number>();
  for (const posting of postings) {
    if (postingOverlaps(posting, from, to)) counts.set(posting.state, (counts.get(posting.state) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([state, ilos]) => ({ state, ilos }));
}

export function membersInSemester(postings: readonly Posting[], semesterId: string): Member[] {
  const { start, end } = semester(semesterId);
  return membersDuring(postings, start, end);
}

export const draftingReasons = ['presidency', 'acting', 'fallback', 'reassigned'] as const;
export type DraftingReason = (typeof draftingReasons)[number];

export interface DraftingState {
  state: string;
  reason: DraftingReason;
}

/**
 * The drafting state of a network's semester report (DOMAIN.md): the Commission's reassignment if
 * any; otherwise the Presidency if it had an ILO in the network during the semester; otherwise the
 * state the network designated to act on its behalf; otherwise the member with the most ILOs
 * (ties to the first state code in alphabetical order). None when the network had no members.
 */
export function draftingStateFor(input: {
  presidency: string;
  members: readonly Member[];
  actingState?: string | undefined;
  reassignedTo?: string | undefined;
}): DraftingState | undefined {
  if (input.reassignedTo) return { state: input.reassignedTo, reason: 'reassigned' };
  if (input.members.length === 0) return undefined;
  if (input.members.some((m) => m.state === input.presidency))
    return { state: input.presidency, reason: 'presidency' };
  if (input.actingState && input.members.some((m) => m.state === input.actingState)) {
    return { state: input.actingState, reason: 'acting' };
  }
  const [first] = [...input.members].sort((a, b) => b.ilos - a.ilos || a.state.localeCompare(b.state));
  return first ? { state: first.state, reason: 'fallback' } : undefined;
}

// ---- activities -------------------------------------------------------------------------------

export const activityKinds = ['meeting', 'training', 'carrier_position', 'contact'] as const;
export type ActivityKind = (typeof activityKinds)[number];

const isoDate = z.iso.date({ message: 'Enter a date as YYYY-MM-DD' });
const stateCode = z.string().refine(isParticipatingState, { message: 'Choose a participating state' });
const text = (max: number, message = 'Fill this in') => z.string().trim().min(1, message).max(max);
const topics = z.array(text(200)).max(20).default([]);

export const meetingSchema = z
  .strictObject({
    date: isoDate,
    convenedBy: stateCode.meta({
      description: 'The state that took the initiative (the Presidency or another)',
    }),
    participants: z.array(stateCode).min(1, 'Name at least one participating state'),
    commissionPresent: z.boolean(),
    ebcgPresent: z.boolean(),
    absenceReason: z.string().trim().max(1000).optional(),
    topics,
    summary: text(8000, 'Summarise the meeting'),
  })
  .superRefine((value, context) => {
    if ((!value.commissionPresent || !value.ebcgPresent) && !value.absenceReason) {
      context.addIssue({
        code: 'custom',
        path: ['absenceReason'],
        message: 'Record the operational reason why the Commission or the EBCG Agency did not attend',
      });
    }
  })
  .meta({ id: 'MeetingInput' });

export const trainingKinds = ['joint_training_attended', 'consular_staff_training'] as const;

export const trainingSchema = z
  .strictObject({
    date: isoDate,
    kind: z.enum(trainingKinds, { message: 'Choose the kind of training' }),
    organisers: z.array(text(200)).min(1, 'Name at least one organiser').max(20),
    participantCount: z.number().int().min(0, 'A count cannot be negative').max(100_000),
    topics,
    summary: z.string().trim().max(8000).default(''),
  })
  .meta({ id: 'TrainingInput' });

export const carrierPositionSchema = z
  .strictObject({
    date: isoDate,
    carriers: z.array(text(200)).min(1, 'Name at least one carrier').max(50),
    states: z.array(stateCode).min(1, 'Name the states that coordinated this position'),
    position: text(8000, 'Describe the position coordinated towards the carriers'),
  })
  .meta({ id: 'CarrierPositionInput' });

export const contactCounterparts = [
  'host_country_network',
  'neighbouring_network',
  'international_organisation',
] as const;

export const contactSchema = z
  .strictObject({
    date: isoDate,
    counterpartType: z.enum(contactCounterparts, { message: 'Choose the kind of counterpart' }),
    counterpart: text(300, 'Name the network or organisation'),
    summary: text(8000, 'Summarise the contact'),
  })
  .meta({ id: 'ContactInput' });

export const activitySchemas = {
  meeting: meetingSchema,
  training: trainingSchema,
  carrier_position: carrierPositionSchema,
  contact: contactSchema,
} as const;

// ---- arrangements (Art. 5) ---------------------------------------------------------------------

export const arrangementKinds = ['representation', 'task_sharing'] as const;

export const arrangementSchema = z
  .strictObject({
    kind: z.enum(arrangementKinds, { message: 'Choose representation or task sharing' }),
    parties: z
      .array(stateCode)
      .min(2, 'An arrangement has at least two parties')
      .max(31)
      .refine((p) => new Set(p).size === p.length, 'Each party once'),
    hostCountries: z
      .array(z.string().refine(isHostCountry, { message: 'Choose a host country' }))
      .min(1, 'Name at least one host country')
      .refine((c) => new Set(c).size === c.length, 'Each country once'),
    scope: text(4000, 'Describe whose interests are looked after, or which tasks are shared'),
    validFrom: isoDate,
    validTo: isoDate.optional(),
  })
  .superRefine((value, context) => {
    if (value.validTo && value.validTo < value.validFrom) {
      context.addIssue({
        code: 'custom',
        path: ['validTo'],
        message: 'The end must be on or after the start',
      });
    }
  })
  .meta({ id: 'ArrangementInput' });

// ---- regional networks (reference data, the Commission's) -------------------------------------

export const regionInputSchema = z
  .strictObject({
    name: text(200, 'Name the region'),
    hostCountries: z
      .array(z.string().refine(isHostCountry, { message: 'Choose a host country' }))
      .min(2, 'A regional network spans at least two host countries')
      .refine((c) => new Set(c).size === c.length, 'Each country once'),
    version: z.number().int().min(0).meta({ description: '0 to create; otherwise the version read' }),
  })
  .meta({ id: 'RegionInput' });

export const regionIdParams = z.strictObject({
  id: z.string().regex(/^R-[a-z0-9-]{2,40}$/, 'A regional network id looks like R-sahel'),
});

// ---- API answers -----------------------------------------------------------------------------------

const memberSchema = z.object({ state: z.string(), ilos: z.number().int() });

export const networkSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(['country', 'regional']),
  name: z.string().optional(),
  hostCountries: z.array(z.string()),
  members: z.array(memberSchema),
});

export const networkListSchema = z
  .object({ items: z.array(networkSummarySchema) })
  .meta({ id: 'NetworkList' });

export const activityRecordSchema = z
  .object({
    id: z.string(),
    networkId: z.string(),
    kind: z.enum(activityKinds),
    semester: z.string(),
    recordedBy: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    fields: z.record(z.string(), z.unknown()),
    allowed: z.array(z.literal('edit')),
  })
  .meta({ id: 'Activity' });

export const arrangementRecordSchema = z
  .object({
    id: z.string(),
    kind: z.enum(arrangementKinds),
    parties: z.array(z.string()),
    hostCountries: z.array(z.string()),
    scope: z.string(),
    validFrom: z.string(),
    validTo: z.string().optional(),
    proposedBy: z.string(),
    acceptedBy: z.array(z.string()),
    status: z.enum(['proposed', 'in_effect', 'withdrawn']),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    allowed: z.array(z.enum(['accept', 'withdraw'])),
  })
  .meta({ id: 'Arrangement' });

export const arrangementListSchema = z
  .object({ items: z.array(arrangementRecordSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'ArrangementList' });

export const networkSchema = networkSummarySchema
  .extend({
    semester: z.object({
      id: z.string(),
      presidency: z.string(),
      members: z.array(memberSchema),
      draftingState: z.object({ state: z.string(), reason: z.enum(draftingReasons) }).nullable(),
      actingState: z.string().optional(),
      reassignedTo: z.string().optional(),
      designationVersion: z.number().int(),
      status: z.enum(['open', 'closed']),
      provisional: z.boolean(),
    }),
    activities: z.array(activityRecordSchema),
    arrangements: z.array(arrangementRecordSchema.omit({ allowed: true })),
    allowed: z.array(z.enum(['record_activity', 'designate_acting_state', 'reassign_drafting_state'])),
  })
  .meta({ id: 'Network' });

export const regionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    hostCountries: z.array(z.string()),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Region' });
export const regionListSchema = z.object({ items: z.array(regionSchema) }).meta({ id: 'RegionList' });

export const networkParams = z.strictObject({
  id: z
    .string()
    .regex(NETWORK_ID_PATTERN, 'A network id is a host country code (TR) or a regional id (R-sahel)'),
});
export const networkSemesterParams = networkParams.extend({
  semester: semesterIdSchema,
});
export const activityParams = networkSemesterParams.extend({
  activityId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Not an id this API issued'),
});
export const networkQuerySchema = z.strictObject({
  semester: semesterIdSchema.optional(),
});
export const designationSchema = z
  .strictObject({
    state: stateCode,
    version: z.number().int().min(0).meta({ description: 'designationVersion as read (0 when none yet)' }),
  })
  .meta({ id: 'DraftingDesignationInput' });
export const activityUpdateSchema = z
  .strictObject({ version: z.number().int().positive(), fields: z.record(z.string(), z.unknown()) })
  .meta({ id: 'ActivityUpdate' });
export const arrangementListQuerySchema = z.strictObject({
  hostCountry: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  state: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});

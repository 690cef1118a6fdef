/**
 * Secondment notifications (Art. 3 of Regulation 377/2004): the schemas every form and handler uses,
 * and the rules that depend on dates alone (phase) so browser and server agree.
 */
import * as z from 'zod';
import { isHostCountry } from './reference/states.ts';

/** The seven Art. 2 topics: the backbone of a secondment's tasks and of report part B. */
export const secondmentTasks = [
  'flows',
  'routes',
  'smuggling',
  'trends',
  'document_fraud',
  'assistance',
  'return',
] as const;
export type SecondmentTask = (typeof secondmentTasks)[number];

export const missionTypes = ['embassy', 'consulate', 'host_authority', 'international_organisation'] as const;
export type MissionType = (typeof missionTypes)[number];

export const secondmentStatuses = ['draft', 'notified', 'ended', 'withdrawn'] as const;
export type SecondmentStatus = (typeof secondmentStatuses)[number];

export const secondmentPhases = ['planned', 'active', 'ended'] as const;
export type SecondmentPhase = (typeof secondmentPhases)[number];

export const secondmentActions = ['edit', 'notify', 'end', 'withdraw'] as const;
export type SecondmentAction = (typeof secondmentActions)[number];

export const LIMITS = {
  city: 100,
  authority: 200,
  officerName: 150,
  phone: 40,
  taskDescription: 4000,
  languages: 12,
  regionalCoverage: 30,
} as const;

const isoDate = z.iso.date({ message: 'Enter a date as YYYY-MM-DD' });

const hostCountryCode = z
  .string()
  .refine(isHostCountry, { message: 'Choose a host country: a country that is not a participating state' });

/** ISO 639-1 language codes, e.g. `en`, `fr`, `ar`. */
const languageCode = z.string().regex(/^[a-z]{2}$/, 'Use a two-letter language code such as en or fr');

export const officerSchema = z.strictObject({
  name: z.string().trim().min(1, "Enter the officer's name").max(LIMITS.officerName),
  email: z.email({ message: 'Enter an e-mail address such as name@example.org' }).max(254).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()./-]{5,}$/, 'Enter a phone number, for example +32 2 123 45 67')
    .max(LIMITS.phone)
    .optional(),
});

/** The fields a state writes and may later change. */
const secondmentFieldsShape = {
  hostCountry: hostCountryCode,
  post: z.strictObject({
    city: z.string().trim().min(1, 'Enter the city of the post').max(LIMITS.city),
    mission: z.enum(missionTypes, { message: 'Choose the kind of mission' }),
  }),
  authority: z.string().trim().min(1, 'Enter the seconding authority').max(LIMITS.authority),
  officer: officerSchema,
  startDate: isoDate,
  endDate: isoDate.optional(),
  tasks: z
    .array(z.enum(secondmentTasks, { message: 'Choose tasks among the seven of Article 2' }))
    .min(1, 'Choose at least one task')
    .refine((tasks) => new Set(tasks).size === tasks.length, 'Each task once'),
  taskDescription: z.string().trim().max(LIMITS.taskDescription).default(''),
  regionalCoverage: z
    .array(hostCountryCode)
    .max(LIMITS.regionalCoverage)
    .default([])
    .refine((codes) => new Set(codes).size === codes.length, 'Each country once'),
  languages: z.array(languageCode).max(LIMITS.languages).default([]),
};

type FieldsShape = {
  hostCountry: string;
  startDate: string;
  endDate?: string | undefined;
  regionalCoverage: string[];
};

function checkDatesAndCoverage(value: FieldsShape, context: z.RefinementCtx): void {
  if (value.endDate && value.endDate < value.startDate) {
    context.addIssue({
      code: 'custom',
      path: ['endDate'],
      message: 'The end date must be on or after the start date',
    });
  }
  if (value.regionalCoverage.includes(value.hostCountry)) {
    context.addIssue({
      code: 'custom',
      path: ['regionalCoverage'],
      message: 'The host country itself is not part of the regional coverage',
    });
  }
}

/** `POST /api/secondments`: a new draft for the caller's state (the state is never a body field). */
export const createSecondmentSchema = z
  .strictObject(secondmentFieldsShape)
  .superRefine(checkDatesAndCoverage)
  .meta({ id: 'SecondmentInput' });
export type SecondmentInput = z.input<typeof createSecondmentSchema>;
export type SecondmentFields = z.output<typeof createSecondmentSchema>;

/** `PUT /api/secondments/{id}`: every editable field again, with the version the client read. */
export const updateSecondmentSchema = z
  .strictObject({ ...secondmentFieldsShape, version: z.number().int().positive() })
  .superRefine(checkDatesAndCoverage)
  .meta({ id: 'SecondmentUpdate' });

export const versionOnlySchema = z
  .strictObject({ version: z.number().int().positive() })
  .meta({ id: 'VersionOnly' });

export const endSecondmentSchema = z
  .strictObject({ version: z.number().int().positive(), endDate: isoDate })
  .meta({ id: 'SecondmentEnd' });

/** The phase of a secondment, from its dates and the Brussels calendar day `today`. */
export function phaseOf(
  dates: { startDate: string; endDate?: string | undefined },
  today: string,
): SecondmentPhase {
  if (dates.endDate && dates.endDate < today) return 'ended';
  if (dates.startDate > today) return 'planned';
  return 'active';
}

const actorSchema = z.object({ organisation: z.string(), name: z.string().optional() });

/** A secondment as the API answers it: the officer appears only for those allowed to see it. */
export const secondmentSchema = z
  .object({
    id: z.string(),
    state: z.string(),
    hostCountry: z.string(),
    post: z.object({ city: z.string(), mission: z.enum(missionTypes) }),
    authority: z.string(),
    officer: z
      .object({ name: z.string(), email: z.string().optional(), phone: z.string().optional() })
      .optional()
      .meta({ description: 'Only for participating states and the Commission; absent once erased' }),
    officerErasedAt: z.string().optional(),
    startDate: z.string(),
    endDate: z.string().optional(),
    tasks: z.array(z.enum(secondmentTasks)),
    taskDescription: z.string(),
    regionalCoverage: z.array(z.string()),
    languages: z.array(z.string()),
    status: z.enum(secondmentStatuses),
    phase: z
      .enum(secondmentPhases)
      .optional()
      .meta({ description: 'From the dates; absent for drafts and withdrawn ones' }),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    notifiedAt: z.string().optional(),
    allowed: z.array(z.enum(secondmentActions)),
  })
  .meta({ id: 'Secondment' });
export type Secondment = z.infer<typeof secondmentSchema>;

export const secondmentListQuerySchema = z.strictObject({
  hostCountry: z
    .string()
    .regex(/^[A-Z]{2}$/, 'Use a two-letter country code')
    .optional(),
  state: z
    .string()
    .regex(/^[A-Z]{2}$/, 'Use a two-letter state code')
    .optional(),
  status: z.enum(secondmentStatuses).optional(),
  phase: z.enum(secondmentPhases).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2000).optional(),
});

export const secondmentListSchema = z
  .object({ items: z.array(secondmentSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'SecondmentList' });

export const secondmentHistorySchema = z
  .object({
    items: z.array(
      z.object({
        version: z.number().int(),
        action: z.enum(['created', 'updated', 'notified', 'amended', 'ended', 'withdrawn']),
        status: z.enum(secondmentStatuses),
        at: z.string(),
        actor: actorSchema,
        secondment: secondmentSchema.omit({
          allowed: true,
          officer: true,
          officerErasedAt: true,
          phase: true,
        }),
      }),
    ),
  })
  .meta({ id: 'SecondmentHistory' });
export type SecondmentHistory = z.infer<typeof secondmentHistorySchema>;

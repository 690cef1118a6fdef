import * as z from 'zod';
import { errorStatus } from '../errors.ts';
import { notificationPreferencesSchema, personLanguages } from '../preferences.ts';
import { isOrganisation, isValidMembership, roles } from '../reference/organisations.ts';
import { semesterIdSchema } from '../semesters.ts';

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorStatus) as [keyof typeof errorStatus]),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .meta({ id: 'Error' });

export const healthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });

export const organisationCodeSchema = z
  .string()
  .refine(isOrganisation, { message: 'Choose a participating state or EC, COUNCIL, EP or EBCG' })
  .meta({ description: 'ISO 3166-1 alpha-2 code of a participating state, or EC, COUNCIL, EP, EBCG' });

export const roleSchema = z.enum(roles);

/**
 * The local sign-in: `{ email }` signs in that person of the directory; `{ organisation, role }` the
 * organisation's demo person for the role (created on first use, named `name` then).
 */
export const devLoginRequestSchema = z
  .strictObject({
    email: z.email('Give an e-mail address').max(254).optional(),
    organisation: organisationCodeSchema.optional(),
    role: roleSchema.optional(),
    name: z.string().trim().min(1).max(100).optional(),
  })
  .superRefine((v, context) => {
    if (v.email !== undefined) {
      if (v.organisation !== undefined || v.role !== undefined)
        context.addIssue({
          code: 'custom',
          path: ['email'],
          message: 'Give an e-mail, or an organisation and a role, not both',
        });
      return;
    }
    if (v.organisation === undefined)
      context.addIssue({
        code: 'custom',
        path: ['organisation'],
        message: 'Choose an organisation (or give an e-mail)',
      });
    if (v.role === undefined) context.addIssue({ code: 'custom', path: ['role'], message: 'Choose a role' });
    else if (v.organisation !== undefined && !isValidMembership(v.organisation, v.role))
      context.addIssue({
        code: 'custom',
        path: ['role'],
        message: 'This organisation has no such role (editor and coordinator are for states, admin for EC)',
      });
  })
  // The two forms, as JSON Schema says it (the refinement above is not representable there).
  .meta({ id: 'DevLoginRequest', anyOf: [{ required: ['email'] }, { required: ['organisation', 'role'] }] });
export type DevLoginRequest = z.infer<typeof devLoginRequestSchema>;

export const devLoginResponseSchema = z
  .object({ token: z.string(), expiresAt: z.iso.datetime({ offset: true }) })
  .meta({ id: 'DevLoginResponse' });
export type DevLoginResponse = z.infer<typeof devLoginResponseSchema>;

/** What the caller may do in general, computed by the server so that no client copies the rules. */
export const capabilities = [
  'secondments.read',
  'secondments.write',
  'secondments.drafts',
  'networks.record_activity',
  'arrangements.propose',
  'contributions.write',
  'contributions.submit',
  'contributions.read_all',
  'reports.read_generated',
  'reports.read_annual',
  'semesters.close',
  'regions.manage',
  'drafting.reassign',
  'people.manage',
  /** Manages the people of every organisation (the EC admin), not only its own state's. */
  'people.manage_all',
  'presidency.set',
] as const;
export type Capability = (typeof capabilities)[number];

export const meSchema = z
  .object({
    organisation: z.string(),
    organisationName: z.string(),
    role: roleSchema,
    name: z.string().optional(),
    capabilities: z.array(z.enum(capabilities)),
    /** The person of the directory: its id (the identity's subject), e-mail and preferences. */
    id: z.string(),
    email: z.string(),
    language: z.enum(personLanguages),
    preferences: z.object({ notifications: notificationPreferencesSchema }),
    /** The person's version, sent back with a change of preferences. */
    version: z.number().int().positive(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;

export const referenceSchema = z
  .object({
    states: z.array(z.object({ code: z.string(), name: z.string(), bound: z.boolean() })),
    hostCountries: z.array(z.object({ code: z.string(), name: z.string() })),
    semesters: z.array(
      z.object({
        id: semesterIdSchema,
        start: z.iso.date(),
        end: z.iso.date(),
        startsAt: z.iso.datetime({ offset: true }),
        endsAt: z.iso.datetime({ offset: true }),
        presidency: z.string(),
        status: z.enum(['open', 'closed']),
        /** The lock of a Presidency correction (PUT /api/reference/presidency/{semester}). */
        version: z.number().int(),
      }),
    ),
    currentSemester: semesterIdSchema,
    /** The current and coming semesters (12 months ahead) with no Presidency: the Commission is warned. */
    presidencyGaps: z.array(semesterIdSchema),
    reportTemplates: z.array(
      z.object({
        version: z.number().int(),
        regime: z.string(),
        sections: z.array(
          z.object({
            id: z.string(),
            part: z.string(),
            titleKey: z.string(),
            title: z.string(),
            kind: z.string(),
            source: z.string().optional(),
            fields: z.array(
              z.looseObject({ id: z.string(), kind: z.string(), requiredForSubmission: z.boolean() }),
            ),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'Reference' });
export type Reference = z.infer<typeof referenceSchema>;

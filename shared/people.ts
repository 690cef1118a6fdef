import * as z from 'zod';
import { organisationCodeSchema, roleSchema } from './api/schemas.ts';
import { notificationPreferencesSchema, personLanguages } from './preferences.ts';
import { isValidMembership } from './reference/organisations.ts';

/**
 * The people directory: who the product's people are, beyond the claims of a token. A person's id is
 * the subject of its identity (Cognito's `sub` on AWS, the local dev login's subject locally).
 */
export const personStatuses = ['active', 'disabled'] as const;
export type PersonStatus = (typeof personStatuses)[number];

export const personActions = ['edit', 'disable', 'enable'] as const;
export type PersonAction = (typeof personActions)[number];

/** Identity subjects: Cognito's are UUIDs; the local ones `local-…`. Letters, digits and hyphens. */
export const PERSON_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
export const personIdParams = z.strictObject({
  id: z.string().regex(PERSON_ID_PATTERN, 'Not a person id this API issued'),
});

const personName = z.string().trim().min(1, 'Give the name').max(100);
const personEmail = z
  .email('Give an e-mail address')
  .max(254)
  .transform((email) => email.trim());

export const createPersonSchema = z
  .strictObject({
    /** Omitted: the caller's own organisation (a coordinator invites for its state). */
    organisation: organisationCodeSchema.optional(),
    role: roleSchema,
    name: personName,
    email: personEmail,
    language: z.enum(personLanguages).default('en'),
  })
  .refine((p) => p.organisation === undefined || isValidMembership(p.organisation, p.role), {
    message: 'This organisation has no such role (editor and coordinator are for states, admin for EC)',
    path: ['role'],
  })
  .meta({ id: 'CreatePerson' });
export type CreatePerson = z.output<typeof createPersonSchema>;

/** A change of role, name, language or e-mail (the organisation stays: a person acts for one). */
export const updatePersonSchema = z
  .strictObject({
    version: z.number().int().positive(),
    role: roleSchema,
    name: personName,
    language: z.enum(personLanguages),
    email: personEmail.optional(),
  })
  .meta({ id: 'UpdatePerson' });
export type UpdatePerson = z.output<typeof updatePersonSchema>;

export const personListQuerySchema = z.strictObject({
  /** The EC admin names the organisation; a coordinator may name only its own (the default). */
  organisation: organisationCodeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(100),
  cursor: z.string().max(2000).optional(),
});

export const preferencesSchema = z
  .strictObject({
    version: z.number().int().positive(),
    language: z.enum(personLanguages),
    notifications: notificationPreferencesSchema,
  })
  .meta({ id: 'Preferences' });
export type Preferences = z.output<typeof preferencesSchema>;

export const personSchema = z
  .object({
    id: z.string(),
    organisation: z.string(),
    role: roleSchema,
    name: z.string(),
    email: z.string(),
    language: z.enum(personLanguages),
    status: z.enum(personStatuses),
    lastSignInAt: z.iso.datetime({ offset: true }).optional(),
    /** Present when no e-mail reaches the person any more: its address bounced for good, or it complained. */
    mailSuppressed: z
      .object({
        reason: z.enum(['bounce', 'complaint']),
        at: z.iso.datetime({ offset: true }),
      })
      .optional(),
    version: z.number().int().positive(),
    allowed: z.array(z.enum(personActions)),
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof personSchema>;

export const personListSchema = z
  .object({ items: z.array(personSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'PersonList' });

import * as z from 'zod';

export const auditedEntities = [
  'secondment',
  'activity',
  'drafting',
  'arrangement',
  'region',
  'contribution',
  'semester',
  'report',
  'person',
] as const;
export type AuditedEntity = (typeof auditedEntities)[number];

/**
 * `GET /api/audit?entity=<kind>:<id>`: `secondment:<ulid>`, `activity:<ulid>`, `arrangement:<ulid>`,
 * `drafting:<networkId>.<semester>` (acting-state designations and reassignments), `region:<R-id>`,
 * `contribution:<semester>.<networkId>.<state>`, `semester:<2026-H1>` (closes), `report:<semester>.<networkId>`
 * (assessments and finalisations), `person:<id>` (the people directory).
 */
export const auditQuerySchema = z.strictObject({
  entity: z
    .string()
    .regex(/^[a-z]+:[0-9A-Za-z.-]{2,60}$/, 'Name the entity as kind:id, for example secondment:01J9Z3…')
    .refine((value) => (auditedEntities as readonly string[]).includes(value.split(':')[0] ?? ''), {
      message: `Audited kinds: ${auditedEntities.join(', ')}`,
    }),
  limit: z.coerce.number().int().min(1).max(100).default(100),
  cursor: z.string().max(2000).optional(),
});

export const auditEntrySchema = z
  .object({
    id: z.string(),
    entity: z.string(),
    action: z.string(),
    at: z.string(),
    actor: z.object({
      subject: z.string(),
      organisation: z.string(),
      role: z.string(),
      name: z.string().optional(),
    }),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
  })
  .meta({ id: 'AuditEntry' });

export const auditTrailSchema = z
  .object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'AuditTrail' });

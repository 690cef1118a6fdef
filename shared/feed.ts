import * as z from 'zod';

export const feedKinds = [
  'secondment_notified',
  'secondment_amended',
  'secondment_ended',
  'secondment_withdrawn',
  'contribution_reminder',
] as const;
export type FeedKind = (typeof feedKinds)[number];

/** A notification addressed to one organisation. */
export const feedEntrySchema = z
  .object({
    id: z.string(),
    kind: z.enum(feedKinds),
    at: z.string(),
    from: z.string().meta({ description: 'The organisation whose action this reports' }),
    secondment: z
      .object({
        id: z.string(),
        hostCountry: z.string(),
        city: z.string().optional(),
        startDate: z.string(),
        endDate: z.string().optional(),
        version: z.number().int(),
      })
      .optional()
      .meta({ description: 'For the secondment_* kinds' }),
    reminder: z
      .object({ semester: z.string(), daysLeft: z.number().int(), networks: z.array(z.string()) })
      .optional()
      .meta({ description: 'For contribution_reminder: the networks whose contribution is still to submit' }),
  })
  .meta({ id: 'FeedEntry' });
export type FeedEntry = z.infer<typeof feedEntrySchema>;

export const feedQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(2000).optional(),
});

export const feedSchema = z
  .object({ items: z.array(feedEntrySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'Feed' });

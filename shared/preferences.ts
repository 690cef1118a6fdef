import * as z from 'zod';

/** A person's preferences: the language of the product and its messages, and how often each kind of notification comes. */
export const personLanguages = ['en', 'fr'] as const;
export type PersonLanguage = (typeof personLanguages)[number];

/** How often a person hears of one kind of notification. */
export const notificationFrequencies = ['immediate', 'daily', 'off'] as const;
export type NotificationFrequency = (typeof notificationFrequencies)[number];

/**
 * Notification preferences by kind. The kinds belong to the notifications feature; the directory
 * keeps whatever kinds it is given, named in snake_case, a bounded number of them.
 */
export const notificationPreferencesSchema = z
  .record(
    z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Name a notification kind in snake_case'),
    z.enum(notificationFrequencies),
  )
  .refine((kinds) => Object.keys(kinds).length <= 30, { message: 'At most 30 notification kinds' });
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

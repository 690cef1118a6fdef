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

/**
 * The kinds of notification a person can tune, in the order "My account" shows them, each with its
 * label in every UI language and the frequency a person has until they choose. The notifications
 * feature sends by these ids; a new kind is one row here (the page renders whatever this holds).
 */
export const notificationKinds = [
  {
    id: 'secondment_notified',
    label: { en: 'A secondment is notified or amended', fr: 'Un détachement est notifié ou modifié' },
    default: 'immediate',
  },
  {
    id: 'contribution_reminder',
    label: {
      en: 'Reminders of contributions due',
      fr: 'Rappels des contributions attendues',
    },
    default: 'immediate',
  },
  {
    id: 'report_review',
    label: { en: 'A report is ready for review', fr: 'Un rapport est prêt à être relu' },
    default: 'immediate',
  },
  {
    id: 'report_finalised',
    label: { en: 'A report is finalised', fr: 'Un rapport est finalisé' },
    default: 'daily',
  },
  {
    id: 'arrangement',
    label: {
      en: 'Arrangements proposed, accepted or withdrawn',
      fr: 'Arrangements proposés, acceptés ou retirés',
    },
    default: 'daily',
  },
  {
    id: 'late_exception',
    label: {
      en: 'Late contributions reopened as exceptions',
      fr: 'Contributions tardives rouvertes par exception',
    },
    default: 'immediate',
  },
] as const satisfies readonly {
  id: string;
  label: Record<PersonLanguage, string>;
  default: NotificationFrequency;
}[];
export type NotificationKind = (typeof notificationKinds)[number]['id'];

/** How often a person hears of a kind: what they chose, or the kind's default. */
export function notificationFrequency(
  preferences: NotificationPreferences,
  kind: NotificationKind,
): NotificationFrequency {
  return preferences[kind] ?? notificationKinds.find((k) => k.id === kind)?.default ?? 'immediate';
}

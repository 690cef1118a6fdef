import { intlLocale } from './i18n.ts';

/** Formats an ISO calendar date (`2026-07-01`) as "1 July 2026" / "1 juillet 2026". */
export function formatCalendarDate(isoDate: string, language: string): string {
  // A calendar date has no time zone: read and format it in UTC so that no offset shifts the day.
  return new Intl.DateTimeFormat(intlLocale(language), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** Formats an instant (`2026-07-01T08:30:00.000Z`) as "1 July 2026, 10:30" in the browser's time zone. */
export function formatInstant(instant: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(instant),
  );
}

/** Formats an instant's time of day only ("10:30"), for "kept at …" messages of the same day. */
export function formatTime(instant: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { timeStyle: 'medium' }).format(new Date(instant));
}

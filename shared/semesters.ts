/**
 * Semester arithmetic. A semester is `YYYY-H1` (1 January to 30 June) or `YYYY-H2` (1 July to
 * 31 December); its boundaries are at midnight Europe/Brussels, whatever the runtime's time zone.
 */
import * as z from 'zod';

export const SEMESTER_TIME_ZONE = 'Europe/Brussels';

export type SemesterId = `${number}-H${1 | 2}`;

export const SEMESTER_ID_PATTERN = /^(\d{4})-H([12])$/;

/** A semester id in a request or an answer: the one schema every path, query and message uses. */
export const semesterIdSchema = z.string().regex(SEMESTER_ID_PATTERN, 'Use the form YYYY-H1 or YYYY-H2');

export interface Semester {
  id: SemesterId;
  year: number;
  half: 1 | 2;
  /** First calendar day, ISO date. */
  start: string;
  /** Last calendar day (inclusive), ISO date. */
  end: string;
  /** The instant the semester begins (midnight Brussels), ISO 8601 in UTC. */
  startsAt: string;
  /** The instant the semester ends, exclusive: the next semester's start. */
  endsAt: string;
}

export function isSemesterId(value: string): value is SemesterId {
  return SEMESTER_ID_PATTERN.test(value);
}

export function parseSemesterId(id: string): { year: number; half: 1 | 2 } {
  const match = SEMESTER_ID_PATTERN.exec(id);
  if (!match) throw new RangeError(`Not a semester id: "${id}" (expected YYYY-H1 or YYYY-H2)`);
  return { year: Number(match[1]), half: match[2] === '1' ? 1 : 2 };
}

export function semesterId(year: number, half: 1 | 2): SemesterId {
  return `${String(year).padStart(4, '0')}-H${half}` as SemesterId;
}

// Semesters are fixed facts, and working one out takes two time-zone conversions: computed once each.
const semesters = new Map<string, Readonly<Semester>>();

export function semester(id: string): Semester {
  let known = semesters.get(id);
  if (!known) {
    known = Object.freeze(computeSemester(id));
    semesters.set(id, known);
  }
  return known;
}

function computeSemester(id: string): Semester {
  const { year, half } = parseSemesterId(id);
  const start = firstDay(semesterId(year, half));
  const end = half === 1 ? isoDate(year, 6, 30) : isoDate(year, 12, 31);
  const next = nextSemesterId(semesterId(year, half));
  return {
    id: semesterId(year, half),
    year,
    half,
    start,
    end,
    startsAt: brusselsMidnight(start).toISOString(),
    endsAt: brusselsMidnight(firstDay(next)).toISOString(),
  };
}

function firstDay(id: SemesterId): string {
  const { year, half } = parseSemesterId(id);
  return half === 1 ? isoDate(year, 1, 1) : isoDate(year, 7, 1);
}

export function nextSemesterId(id: SemesterId): SemesterId {
  const { year, half } = parseSemesterId(id);
  return half === 1 ? semesterId(year, 2) : semesterId(year + 1, 1);
}

export function previousSemesterId(id: SemesterId): SemesterId {
  const { year, half } = parseSemesterId(id);
  return half === 2 ? semesterId(year, 1) : semesterId(year - 1, 2);
}

/** The calendar date in Brussels at an instant, as an ISO date. */
// Formatters are costly to create (about 50 µs each) and reusable: one of each.
const brusselsDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: SEMESTER_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function brusselsDate(at: Date): string {
  const parts = brusselsDayFormat.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The semester an ISO date (a calendar day) belongs to. */
export function semesterIdOfDate(date: string): SemesterId {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return semesterId(year, month <= 6 ? 1 : 2);
}

/** The semester running at an instant, judged by the calendar day in Brussels. */
export function semesterIdAt(at: Date): SemesterId {
  return semesterIdOfDate(brusselsDate(at));
}

/** Whole calendar days from `at` (its Brussels date) to the semester's last day, counting that day. */
export function daysLeftInSemester(id: string, at: Date): number {
  const today = brusselsDate(at);
  const { end } = semester(id);
  return Math.max(0, daysBetween(today, end) + 1);
}

/** Semesters from `first` to `last` inclusive, in order. */
export function semesterRange(first: SemesterId, last: SemesterId): SemesterId[] {
  const ids: SemesterId[] = [];
  for (let id = first; id <= last; id = nextSemesterId(id)) ids.push(id);
  return ids;
}

export function daysBetween(fromIsoDate: string, toIsoDate: string): number {
  return Math.round(
    (Date.parse(`${toIsoDate}T00:00:00Z`) - Date.parse(`${fromIsoDate}T00:00:00Z`)) / 86_400_000,
  );
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The UTC instant of midnight at the start of an ISO date in Brussels (offset +01:00 or +02:00). */
export function brusselsMidnight(date: string): Date {
  const asUtc = Date.parse(`${date}T00:00:00Z`);
  // The offset at midnight local time; DST changes happen at 02:00/03:00, never at midnight.
  const offsetMinutes = zoneOffsetMinutes(new Date(asUtc), SEMESTER_TIME_ZONE);
  return new Date(asUtc - offsetMinutes * 60_000);
}

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function zoneOffsetMinutes(at: Date, timeZone: string): number {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClockFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((local - at.getTime()) / 60_000);
}

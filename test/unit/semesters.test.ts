import { describe, expect, it } from 'vitest';
import {
  brusselsMidnight,
  daysLeftInSemester,
  isSemesterId,
  nextSemesterId,
  parseSemesterId,
  previousSemesterId,
  semester,
  semesterIdAt,
  semesterIdOfDate,
  semesterRange,
} from '../../shared/semesters.ts';

describe('semester ids', () => {
  it('accepts YYYY-H1 and YYYY-H2 only', () => {
    expect(isSemesterId('2026-H2')).toBe(true);
    expect(isSemesterId('2026-H1')).toBe(true);
    for (const bad of ['2026-H3', '2026-h2', '26-H1', '2026H1', '2026-H2 ', ''])
      expect(isSemesterId(bad), bad).toBe(false);
    expect(() => parseSemesterId('2026-H3')).toThrow(/YYYY-H1 or YYYY-H2/);
  });

  it('steps forward and back across the year boundary', () => {
    expect(nextSemesterId('2026-H1')).toBe('2026-H2');
    expect(nextSemesterId('2026-H2')).toBe('2027-H1');
    expect(previousSemesterId('2027-H1')).toBe('2026-H2');
    expect(previousSemesterId('2026-H2')).toBe('2026-H1');
    expect(semesterRange('2025-H2', '2027-H1')).toEqual(['2025-H2', '2026-H1', '2026-H2', '2027-H1']);
  });
});

describe('semester boundaries at midnight Europe/Brussels', () => {
  it('starts H2 at midnight summer time (UTC+2) and H1 at midnight winter time (UTC+1)', () => {
    const h2 = semester('2026-H2');
    expect(h2).toMatchObject({ start: '2026-07-01', end: '2026-12-31', year: 2026, half: 2 });
    expect(h2.startsAt).toBe('2026-06-30T22:00:00.000Z');
    expect(h2.endsAt).toBe('2026-12-31T23:00:00.000Z');
    const h1 = semester('2027-H1');
    expect(h1.startsAt).toBe('2026-12-31T23:00:00.000Z');
    expect(h1.end).toBe('2027-06-30');
    expect(h1.endsAt).toBe('2027-06-30T22:00:00.000Z');
  });

  it('places the instants either side of a boundary in the right semester', () => {
    expect(semesterIdAt(new Date('2026-06-30T21:59:59.999Z'))).toBe('2026-H1');
    expect(semesterIdAt(new Date('2026-06-30T22:00:00.000Z'))).toBe('2026-H2');
    expect(semesterIdAt(new Date('2026-12-31T22:59:59.999Z'))).toBe('2026-H2');
    expect(semesterIdAt(new Date('2026-12-31T23:00:00.000Z'))).toBe('2027-H1');
  });

  it('finds the semester of a calendar date', () => {
    expect(semesterIdOfDate('2026-06-30')).toBe('2026-H1');
    expect(semesterIdOfDate('2026-07-01')).toBe('2026-H2');
  });

  it('computes Brussels midnight on both sides of daylight saving time', () => {
    expect(brusselsMidnight('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z'); // DST starts at 02:00
    expect(brusselsMidnight('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(brusselsMidnight('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z'); // DST ends at 03:00
    expect(brusselsMidnight('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });
});

describe('days left', () => {
  it('counts the last day of the semester and uses the Brussels date', () => {
    expect(daysLeftInSemester('2026-H2', new Date('2026-12-31T12:00:00Z'))).toBe(1);
    expect(daysLeftInSemester('2026-H2', new Date('2026-12-01T10:00:00Z'))).toBe(31);
    // 23:30 UTC on 30 November is already 1 December in Brussels.
    expect(daysLeftInSemester('2026-H2', new Date('2026-11-30T23:30:00Z'))).toBe(31);
    expect(daysLeftInSemester('2026-H2', new Date('2027-01-05T10:00:00Z'))).toBe(0);
  });
});

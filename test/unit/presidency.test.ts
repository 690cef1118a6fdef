import { describe, expect, it } from 'vitest';
import { defaultPresidencyCalendar, presidencyGaps } from '../../shared/reference/presidency.ts';

const seeded = new Set(Object.keys(defaultPresidencyCalendar));

describe('presidency gaps: the warning from 12 months ahead', () => {
  it('names nothing while the calendar covers the current semester and the next 12 months', () => {
    expect(presidencyGaps(seeded, new Date('2026-12-03T12:00:00Z'))).toEqual([]);
    // 2031-H1 starts on 1 January 2031 (midnight in Brussels): still more than 12 months away.
    expect(presidencyGaps(seeded, new Date('2029-12-31T12:00:00Z'))).toEqual([]);
  });

  it('names each semester starting within 12 months with no Presidency, and the current one', () => {
    expect(presidencyGaps(seeded, new Date('2030-01-02T12:00:00Z'))).toEqual(['2031-H1']);
    expect(presidencyGaps(seeded, new Date('2030-08-01T12:00:00Z'))).toEqual(['2031-H1', '2031-H2']);
    expect(presidencyGaps(new Set([...seeded, '2031-H1']), new Date('2030-08-01T12:00:00Z'))).toEqual([
      '2031-H2',
    ]);
    const missingCurrent = new Set([...seeded].filter((id) => id !== '2027-H1'));
    expect(presidencyGaps(missingCurrent, new Date('2027-03-01T12:00:00Z'))).toEqual(['2027-H1']);
  });
});

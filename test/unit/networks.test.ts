import { describe, expect, it } from 'vitest';
import { draftingStateFor, meetingSchema, membersInSemester, type Posting } from '../../shared/networks.ts';

const posting = (
  state: string,
  startDate: string,
  endDate?: string,
  id = `${state}${startDate}`,
): Posting => ({
  secondmentId: id,
  state,
  hostCountry: 'TR',
  startDate,
  ...(endDate ? { endDate } : {}),
});

describe('network membership in a semester', () => {
  it('counts every ILO active at any time in the semester, and no other', () => {
    const postings = [
      posting('DE', '2025-01-01'), // open-ended, active throughout
      posting('DE', '2026-06-30', undefined, 'second'), // starts on the last day of 2026-H1
      posting('FR', '2025-01-01', '2026-01-01'), // ends on the first day of 2026-H1
      posting('IT', '2026-07-01'), // starts the day after 2026-H1
      posting('ES', '2024-01-01', '2025-12-31'), // ended before 2026-H1
    ];
    expect(membersInSemester(postings, '2026-H1')).toEqual([
      { state: 'DE', ilos: 2 },
      { state: 'FR', ilos: 1 },
    ]);
    expect(membersInSemester(postings, '2026-H2').map((m) => m.state)).toEqual(['DE', 'IT']);
  });
});

describe('drafting state rule', () => {
  const members = [
    { state: 'FR', ilos: 2 },
    { state: 'IE', ilos: 1 },
    { state: 'NL', ilos: 3 },
  ];

  it('is the Presidency when it had an ILO in the network', () => {
    expect(draftingStateFor({ presidency: 'IE', members, actingState: 'FR' })).toEqual({
      state: 'IE',
      reason: 'presidency',
    });
  });

  it('is the designated acting state when the Presidency had none', () => {
    expect(draftingStateFor({ presidency: 'CY', members, actingState: 'FR' })).toEqual({
      state: 'FR',
      reason: 'acting',
    });
  });

  it('ignores an acting state that is not a member', () => {
    expect(draftingStateFor({ presidency: 'CY', members, actingState: 'PL' })).toEqual({
      state: 'NL',
      reason: 'fallback',
    });
  });

  it('falls back to the member with the most ILOs', () => {
    expect(draftingStateFor({ presidency: 'CY', members })).toEqual({ state: 'NL', reason: 'fallback' });
  });

  it('breaks a tie by the alphabetical order of the state codes', () => {
    const tied = [
      { state: 'SE', ilos: 2 },
      { state: 'AT', ilos: 2 },
      { state: 'BE', ilos: 1 },
    ];
    expect(draftingStateFor({ presidency: 'CY', members: tied })).toEqual({
      state: 'AT',
      reason: 'fallback',
    });
  });

  it("follows the Commission's reassignment above everything", () => {
    expect(draftingStateFor({ presidency: 'IE', members, reassignedTo: 'FR' })).toEqual({
      state: 'FR',
      reason: 'reassigned',
    });
  });

  it('has none for a network without members', () => {
    expect(draftingStateFor({ presidency: 'IE', members: [] })).toBeUndefined();
  });
});

describe('meeting record', () => {
  const meeting = {
    date: '2026-09-15',
    convenedBy: 'IE',
    participants: ['IE', 'FR'],
    commissionPresent: true,
    ebcgPresent: true,
    topics: ['Document fraud at the airport'],
    summary: 'Exchange on new forgeries.',
  };

  it('needs the reason when the Commission or the EBCG Agency was kept out', () => {
    expect(meetingSchema.safeParse(meeting).success).toBe(true);
    const absent = meetingSchema.safeParse({ ...meeting, commissionPresent: false });
    expect(absent.success).toBe(false);
    expect(absent.error?.issues[0]?.path).toEqual(['absenceReason']);
    expect(
      meetingSchema.safeParse({ ...meeting, ebcgPresent: false, absenceReason: 'Operational security' })
        .success,
    ).toBe(true);
  });
});

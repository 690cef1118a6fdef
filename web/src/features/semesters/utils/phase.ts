import { brusselsDate, semester } from '#shared/semesters.ts';

/**
 * Where a semester stands for the person reading: the server says open or closed; whether an open
 * one has begun or ended already is read from its dates (Brussels time, as the server counts).
 */
export type SemesterPhase = 'upcoming' | 'running' | 'ended' | 'closed';

export function phaseOf(summary: { id: string; status: 'open' | 'closed' }, now = new Date()): SemesterPhase {
  if (summary.status === 'closed') return 'closed';
  const { start, end } = semester(summary.id);
  const today = brusselsDate(now);
  if (today < start) return 'upcoming';
  if (today > end) return 'ended';
  return 'running';
}

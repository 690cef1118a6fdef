import type { Reference } from '#shared/api/schemas.ts';
import { daysLeftInSemester, semester } from '#shared/semesters.ts';

export interface CurrentSemester {
  id: string;
  year: number;
  half: 1 | 2;
  /** First and last calendar days, ISO dates. */
  start: string;
  end: string;
  /** State code of the Presidency, or null when the stored calendar has no entry for the semester. */
  presidency: string | null;
  daysLeft: number;
}

/** The running semester as the server names it, with its Presidency from the stored calendar. */
export function currentSemester(reference: Reference, now: Date): CurrentSemester {
  const { id, year, half, start, end } = semester(reference.currentSemester);
  const stored = reference.semesters.find((entry) => entry.id === id);
  return {
    id,
    year,
    half,
    start,
    end,
    presidency: stored?.presidency ?? null,
    daysLeft: daysLeftInSemester(id, now),
  };
}

import { type Reference, referenceSchema } from '#shared/api/schemas.ts';
import { defaultPresidencyCalendar } from '#shared/reference/presidency.ts';
import { hostCountries, participatingStates, type StateCode } from '#shared/reference/states.ts';
import { reportTemplates } from '#shared/report-templates.ts';
import { type SemesterId, semester, semesterIdAt } from '#shared/semesters.ts';
import { SemesterRepository } from '../semesters/semester-repository.ts';

/** Reference data for every screen: states, host countries, the stored semester calendar, templates. */
export async function referenceData(now: Date): Promise<Reference> {
  const stored = await SemesterRepository.list();
  return {
    states: participatingStates.map(({ code, name, bound }) => ({ code, name, bound })),
    hostCountries: hostCountries.map(({ code, name }) => ({ code, name })),
    semesters: stored.map((record) => {
      const { id, start, end, startsAt, endsAt } = semester(record.semester);
      return { id, start, end, startsAt, endsAt, presidency: record.presidency };
    }),
    currentSemester: semesterIdAt(now),
    // The template is readonly data; the answer is a copy of it, checked against the contract.
    reportTemplates: referenceSchema.shape.reportTemplates.parse(reportTemplates),
  };
}

/** Seeds the Presidency calendar from the defaults in shared/; idempotent, and keeps corrections. */
export async function seedReferenceData(now: Date): Promise<{ created: number }> {
  let created = 0;
  const entries = Object.entries(defaultPresidencyCalendar) as [SemesterId, StateCode][];
  const results = await Promise.all(
    entries.map(([id, presidency]) => SemesterRepository.createIfAbsent(id, presidency, now)),
  );
  for (const wasNew of results) if (wasNew) created += 1;
  return { created };
}

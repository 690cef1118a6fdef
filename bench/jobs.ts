/**
 * The scheduled jobs other than the close (bench/close.ts): each handler invoked once as its schedule
 * invokes it, at a time when it has work, with its duration and the request units it consumed.
 */
import { semester } from '#shared/semesters.ts';
import type { DynamoMeter } from './lib/dynamo-meter.ts';
import type { DatasetPlan } from './plan.ts';

export interface JobMeasurement {
  job: string;
  when: string;
  ms: number;
  readUnits: number;
  writeUnits: number;
  result: unknown;
}

export async function benchJobs(context: {
  plan: DatasetPlan;
  meter: DynamoMeter;
}): Promise<JobMeasurement[]> {
  const { plan, meter } = context;
  const threeDaysBefore = new Date(Date.parse(semester(plan.semesters.closing).endsAt) - 3 * 86_400_000);
  const runs: { job: string; when: string; run: () => Promise<unknown> }[] = [
    {
      job: 'sendReminders',
      when: `3 days before ${plan.semesters.closing} ends`,
      run: async () =>
        (await import('#functions/handlers/send-reminders.ts')).handler({
          time: threeDaysBefore.toISOString(),
        }),
    },
    {
      // Half a year on, the first officers who left during the two years are due for erasure.
      job: 'erasePersonalData',
      when: `at the end of ${plan.semesters.next}`,
      run: async () =>
        (await import('#functions/handlers/erase-personal-data.ts')).handler({
          time: semester(plan.semesters.next).endsAt,
        }),
    },
    {
      job: 'seedReference',
      when: 'after a deployment',
      run: async () => (await import('#functions/handlers/seed-reference.ts')).handler(),
    },
  ];
  const results: JobMeasurement[] = [];
  for (const { job, when, run } of runs) {
    meter.reset();
    const started = performance.now();
    const result = await run();
    const ms = performance.now() - started;
    const totals = meter.totals();
    results.push({ job, when, ms, readUnits: totals.readUnits, writeUnits: totals.writeUnits, result });
  }
  return results;
}

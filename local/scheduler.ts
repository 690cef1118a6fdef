/**
 * The local stand-in for EventBridge schedules: runs each job once at start-up (catching up on what
 * was due while the product was stopped, in the order given) and then daily at the time of its
 * schedule in the jobs table (functions/routes.ts, which the CDK stack reads too), with the event
 * shape an EventBridge scheduled rule delivers.
 */
import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import type { JobSchedule } from '#functions/routes.ts';
import { brusselsDate, brusselsMidnight } from '#shared/semesters.ts';

export interface ScheduledJob {
  name: string;
  schedule: JobSchedule;
  run: (event: ScheduledEvent) => Promise<unknown>;
}

export function scheduledEvent(name: string, at: Date): ScheduledEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '000000000000',
    time: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: process.env.AWS_REGION ?? 'eu-west-1',
    resources: [`arn:aws:events:eu-west-1:000000000000:rule/${name}`],
    detail: {},
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The start of the day `daysAhead` after the one `now` falls on, in the schedule's time zone. */
function startOfDay(schedule: JobSchedule, now: Date, daysAhead: number): number {
  if (schedule.timeZone === 'UTC') {
    return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + daysAhead);
  }
  // Noon keeps a day's date clear of the daylight-saving change, which Brussels makes at night.
  const day = brusselsDate(new Date(Date.parse(`${brusselsDate(now)}T12:00:00Z`) + daysAhead * DAY_MS));
  return brusselsMidnight(day).getTime();
}

/**
 * The next time of day of the schedule after `now` (every day; see JobSchedule.on), counted from the
 * day's midnight: exact for the schedules in use (UTC, and midnight in Brussels).
 */
export function nextRunAt(schedule: JobSchedule, now: Date): Date {
  const timeOfDay = (schedule.hour * 60 + schedule.minute) * 60_000;
  for (let daysAhead = 0; ; daysAhead++) {
    const at = startOfDay(schedule, now, daysAhead) + timeOfDay;
    if (at > now.getTime()) return new Date(at);
  }
}

export function startLocalScheduler(jobs: ScheduledJob[], log: (line: string) => void): { stop(): void } {
  const timers = new Set<NodeJS.Timeout>();
  const runJob = async (job: ScheduledJob) => {
    try {
      const result = await job.run(scheduledEvent(job.name, new Date()));
      log(`job ${job.name}: ${JSON.stringify(result)}`);
    } catch (error) {
      log(`job ${job.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const arm = (job: ScheduledJob) => {
    const now = new Date();
    const timer = setTimeout(async () => {
      timers.delete(timer);
      await runJob(job);
      arm(job);
    }, nextRunAt(job.schedule, now).getTime() - now.getTime());
    timer.unref();
    timers.add(timer);
  };
  // At start-up, one after the other in the order given (a later job may need an earlier one's work).
  void (async () => {
    for (const job of jobs) await runJob(job);
  })();
  for (const job of jobs) arm(job);
  return {
    stop: () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

/**
 * The local stand-in for EventBridge schedules: runs each job once at start-up (catching up on what
 * was due while the product was stopped, in the order given) and then daily at its UTC time, with
 * the event shape an EventBridge scheduled rule delivers.
 */
import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';

export interface DailyJob {
  name: string;
  /** UTC time of day, as in the CDK rule (e.g. 01:30). */
  hourUtc: number;
  minuteUtc: number;
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

function msUntilNext(job: DailyJob, now: Date): number {
  const next = new Date(now);
  next.setUTCHours(job.hourUtc, job.minuteUtc, 0, 0);
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next.getTime() - now.getTime();
}

export function startLocalScheduler(jobs: DailyJob[], log: (line: string) => void): { stop(): void } {
  const timers = new Set<NodeJS.Timeout>();
  const runJob = async (job: DailyJob) => {
    try {
      const result = await job.run(scheduledEvent(job.name, new Date()));
      log(`job ${job.name}: ${JSON.stringify(result)}`);
    } catch (error) {
      log(`job ${job.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const arm = (job: DailyJob) => {
    const timer = setTimeout(
      async () => {
        timers.delete(timer);
        await runJob(job);
        arm(job);
      },
      msUntilNext(job, new Date()),
    );
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

import { describe, expect, it } from 'vitest';
import { jobs } from '../../functions/routes.ts';
import { nextRunAt, scheduledEvent } from '../../local/scheduler.ts';

describe('local scheduler', () => {
  it('delivers the event shape of an EventBridge scheduled rule', () => {
    const event = scheduledEvent('erase-personal-data', new Date('2026-11-28T01:30:00.123Z'));
    expect(event).toMatchObject({
      version: '0',
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      time: '2026-11-28T01:30:00Z',
      detail: {},
    });
    expect(event.resources[0]).toMatch(/^arn:aws:events:.*:rule\/erase-personal-data$/);
  });
});

describe('local scheduler times', () => {
  it('runs each job at the time of the jobs table, in its time zone', () => {
    expect(nextRunAt(jobs.erasePersonalData.schedule, new Date('2026-11-28T01:29:00Z')).toISOString()).toBe(
      '2026-11-28T01:30:00.000Z',
    );
    expect(nextRunAt(jobs.erasePersonalData.schedule, new Date('2026-11-28T01:30:00Z')).toISOString()).toBe(
      '2026-11-29T01:30:00.000Z',
    );
    // Midnight in Brussels: 23:00 UTC in winter, 22:00 UTC in summer.
    expect(nextRunAt(jobs.closeSemesters.schedule, new Date('2026-12-31T12:00:00Z')).toISOString()).toBe(
      '2026-12-31T23:00:00.000Z',
    );
    expect(nextRunAt(jobs.closeSemesters.schedule, new Date('2026-06-30T22:30:00Z')).toISOString()).toBe(
      '2026-07-01T22:00:00.000Z',
    );
  });
});

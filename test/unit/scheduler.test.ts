import { describe, expect, it } from 'vitest';
import { scheduledEvent } from '../../local/scheduler.ts';

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

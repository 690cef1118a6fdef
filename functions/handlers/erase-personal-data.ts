import type { ScheduledEvent } from 'aws-lambda';
import { logger } from '../lib/logger.ts';
import { eraseDuePersonalData } from '../secondments/secondment-service.ts';

/**
 * Job, daily (EventBridge schedule): erases officers' names and contacts whose retention period has
 * passed. "Now" is the event's time, so a replayed or late event erases what was due then.
 */
export const handler = async (event: Pick<ScheduledEvent, 'time'>): Promise<{ erased: number }> => {
  const result = await eraseDuePersonalData(new Date(event.time));
  logger.info('personal data erasure', result);
  return result;
};

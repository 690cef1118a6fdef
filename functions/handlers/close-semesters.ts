import type { ScheduledEvent } from 'aws-lambda';
import { logger } from '../lib/logger.ts';
import { closeEndedSemesters } from '../semesters/semester-service.ts';

/**
 * Job (schedule): closes every semester that has ended and is still open, so a missed run catches
 * up. Each close is a conditional transition, so two runs at once leave one close.
 */
export const handler = async (event: Pick<ScheduledEvent, 'time'>): Promise<{ closed: string[] }> => {
  const closed = await closeEndedSemesters(new Date(event.time));
  logger.info('semesters closed', { closed });
  return { closed };
};

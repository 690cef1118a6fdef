import type { ScheduledEvent } from 'aws-lambda';
import { sendContributionReminders } from '../contributions/contribution-service.ts';
import { logger } from '../lib/logger.ts';

/** Job (daily): reminders of outstanding contributions 14 and 3 days before the semester ends. */
export const handler = async (event: Pick<ScheduledEvent, 'time'>) => {
  const result = await sendContributionReminders(new Date(event.time));
  logger.info('contribution reminders', result);
  return result;
};

import type { ScheduledEvent } from 'aws-lambda';
import { logger } from '../lib/logger.ts';
import { sendContributionReminders } from '../semesters/semester-service.ts';

/** Job (daily): reminders of outstanding contributions 14 and 3 days before the semester ends. */
export const handler = async (event: Pick<ScheduledEvent, 'time'>) => {
  const result = await sendContributionReminders(new Date(event.time));
  logger.info('contribution reminders', result);
  return result;
};

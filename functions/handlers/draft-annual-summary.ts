import type { ScheduledEvent } from 'aws-lambda';
import { logger } from '../lib/logger.ts';
import { draftLatestAnnualSummary } from '../reports/annual-summary-service.ts';

/**
 * Job (daily): drafts the annual summary of the latest year whose second semester is closed, and
 * drafts it again only when a report of that year has a new version (a late contribution).
 */
export const handler = async (event: Pick<ScheduledEvent, 'time'>) => {
  const result = await draftLatestAnnualSummary(new Date(event.time));
  logger.info('annual summary', result);
  return result;
};

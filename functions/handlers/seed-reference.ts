import { logger } from '../lib/logger.ts';
import { seedReferenceData } from '../reference/reference-service.ts';

/**
 * Job (not an HTTP route): seeds the Presidency calendar defaults. Run after each deployment and at
 * local start-up; idempotent, and never overwrites a corrected entry.
 */
export const handler = async (): Promise<{ created: number }> => {
  const result = await seedReferenceData(new Date());
  logger.info('reference data seeded', result);
  return result;
};

import type { SNSEvent } from 'aws-lambda';
import { logger } from '../lib/logger.ts';
import { applySesFeedback } from '../notifications/ses-feedback.ts';

/**
 * Job (SNS subscription): SES's bounces and complaints, published by the configuration set's event
 * destination to the mail-feedback topic. Each record's `Sns.Message` is one SES event (JSON).
 */
export const handler = async (event: SNSEvent) => {
  const outcome = await applySesFeedback(
    event.Records.map((record) => ({ message: record.Sns.Message, receivedAt: record.Sns.Timestamp })),
  );
  // The addresses are personal data: the log counts them, it does not name them.
  logger.info('SES feedback', {
    suppressed: outcome.suppressed.length,
    personsMarked: outcome.suppressed.filter((s) => s.personMarked).length,
    ignored: outcome.ignored.map((i) => i.reason),
  });
  return { suppressed: outcome.suppressed.length, ignored: outcome.ignored.length };
};

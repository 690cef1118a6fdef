import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { logger } from '../lib/logger.ts';
import { generationRequestSchema } from '../reports/generation-request.ts';
import { generateNetworkReport } from '../reports/report-generation.ts';

/**
 * Job (SQS): generates one network report per message. A failed message is reported back
 * (partial batch failure) so that only it is retried, then sent to the dead-letter queue; a report
 * another generator holds the lease on is retried later too. The message's id owns the lease, so a
 * redelivery after the generator died mid-way resumes at once instead of waiting the lease out.
 */
export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      const request = generationRequestSchema.parse(JSON.parse(record.body));
      const result = await generateNetworkReport(request.semester, request.networkId, new Date(), {
        leaseOwner: record.messageId,
      });
      if (result.outcome === 'busy') throw new Error('another generator holds the lease');
      logger.info('report generation', { ...request, ...result });
    } catch (error) {
      logger.error('report generation failed', { messageId: record.messageId, error });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};

import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { sqs } from '../lib/aws.ts';
import { config } from '../lib/config.ts';
import { logger } from '../lib/logger.ts';
import { type GenerationRequest, generationRequestSchema } from './generation-request.ts';

/**
 * One message per network report to generate, through the queue (SQS on AWS; the local runtime's
 * stand-in serves the same API). Batches of ten, as SQS takes them.
 */
export async function requestReportGeneration(requests: GenerationRequest[]): Promise<void> {
  const queueUrl = config().REPORT_QUEUE_URL;
  if (!queueUrl) {
    logger.warn('REPORT_QUEUE_URL is not set: report generation not requested', { count: requests.length });
    return;
  }
  for (let i = 0; i < requests.length; i += 10) {
    const batch = requests.slice(i, i + 10);
    const result = await sqs().send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: batch.map((request, index) => ({
          Id: String(index),
          MessageBody: JSON.stringify(generationRequestSchema.parse(request)),
        })),
      }),
    );
    if (result.Failed?.length) throw new Error(`The report queue refused ${result.Failed.length} message(s)`);
  }
}

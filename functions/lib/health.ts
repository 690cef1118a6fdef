import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from './aws.ts';
import { AppError } from './errors.ts';
import { logger } from './logger.ts';

/** The store answers when a GetItem on a fixed key returns (found or not). */
export async function storeAnswers(): Promise<void> {
  try {
    await dynamo().send(new GetCommand({ TableName: tableName(), Key: { pk: 'HEALTH', sk: 'HEALTH' } }));
  } catch (error) {
    logger.warn('health check: the table did not answer', { error });
    throw new AppError('service_unavailable', 'The data store is not answering yet. Try again in a moment.');
  }
}

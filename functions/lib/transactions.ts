import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamo } from './aws.ts';
import { IDEMPOTENCY_PREFIX } from './idempotency-repository.ts';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The transaction was refused because the item at `index` did not meet its condition. */
export class ConditionFailed extends Error {
  constructor(readonly index: number) {
    super(`condition failed on transaction item ${index}`);
    this.name = 'ConditionFailed';
  }
}

/**
 * Another request with the same Idempotency-Key stored its answer first: this transaction created
 * nothing, and the request replays that answer (lib/http/idempotency.ts).
 */
export class IdempotencyKeyTaken extends Error {
  constructor() {
    super('another request with this Idempotency-Key was answered first');
    this.name = 'IdempotencyKeyTaken';
  }
}

const isIdempotencyRecord = (item: TransactItem | undefined) =>
  String(item?.Put?.Item?.pk ?? '').startsWith(IDEMPOTENCY_PREFIX);

/**
 * All or nothing. A failed condition becomes `ConditionFailed` naming the first item that failed, or
 * `IdempotencyKeyTaken` when that item is an idempotency record.
 */
export async function transact(items: TransactItem[]): Promise<void> {
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const index = (error.CancellationReasons ?? []).findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (index >= 0 && isIdempotencyRecord(items[index])) throw new IdempotencyKeyTaken();
      if (index >= 0) throw new ConditionFailed(index);
    }
    throw error;
  }
}

/**
 * Optimistic versioning: a create must find no item; a change must find the version the client read.
 * Spread into a Put (or Delete) of a transaction.
 */
export function versionCondition(expectedVersion: number | undefined) {
  return expectedVersion === undefined
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : {
        ConditionExpression: 'version = :expected',
        ExpressionAttributeValues: { ':expected': expectedVersion },
      };
}

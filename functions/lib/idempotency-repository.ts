import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from './aws.ts';
import type { TransactItem } from './transactions.ts';

/**
 * The answers of creating requests sent with an Idempotency-Key (see docs/data-model.md): one item
 * per caller, endpoint and key, pk `IDEMPOTENCY#<org>#<subject>#<METHOD path>#<key>`, sk `ANSWER`,
 * written in the create's own transaction and deleted by TTL a day later.
 */
export const IDEMPOTENCY_PREFIX = 'IDEMPOTENCY#';
const SORT_KEY = 'ANSWER';

/** How long a key is remembered: a client retries within minutes; a day covers a night offline. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

export interface IdempotencyScope {
  organisation: string;
  subject: string;
  /** `POST /api/secondments`: the same key on another endpoint is another request. */
  route: string;
  key: string;
}

export interface StoredAnswer {
  /** SHA-256 of the request's path parameters and validated body. */
  requestHash: string;
  status: number;
  body: unknown;
  createdAt: string;
}

export const idempotencyPartition = ({ organisation, subject, route, key }: IdempotencyScope) =>
  `${IDEMPOTENCY_PREFIX}${organisation}#${subject}#${route}#${key}`;

const epochSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

export const IdempotencyRepository = {
  /** The stored answer, unless none was stored or it has expired (TTL deletes it only eventually). */
  async get(pk: string, now: Date): Promise<StoredAnswer | undefined> {
    const { Item } = await dynamo().send(
      new GetCommand({ TableName: tableName(), Key: { pk, sk: SORT_KEY }, ConsistentRead: true }),
    );
    if (!Item || (Item.expiresAt as number) <= epochSeconds(now)) return undefined;
    return {
      requestHash: Item.requestHash as string,
      status: Item.status as number,
      body: JSON.parse(Item.answer as string) as unknown,
      createdAt: Item.createdAt as string,
    };
  },

  /**
   * The answer, as an item of the create's transaction. Conditional: of two requests with the same
   * key, the second one's whole transaction fails (lib/transactions.ts turns that into
   * IdempotencyKeyTaken), so it creates nothing and replays the first one's answer instead.
   */
  put(pk: string, answer: Omit<StoredAnswer, 'createdAt'>, now: Date): TransactItem {
    return {
      Put: {
        TableName: tableName(),
        Item: {
          pk,
          sk: SORT_KEY,
          entityType: 'IdempotencyRecord',
          requestHash: answer.requestHash,
          status: answer.status,
          answer: JSON.stringify(answer.body),
          createdAt: now.toISOString(),
          expiresAt: epochSeconds(now) + IDEMPOTENCY_TTL_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
        ExpressionAttributeValues: { ':now': epochSeconds(now) },
      },
    };
  },
};

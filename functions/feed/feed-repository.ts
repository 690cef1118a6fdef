import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { FeedEntry } from '#shared/feed.ts';
import { dynamo, tableName } from '../lib/aws.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { newId } from '../lib/ids.ts';
import type { TransactItem } from '../lib/transactions.ts';

/** Feed entries expire a year after they were written (TTL). */
const FEED_RETENTION_SECONDS = 365 * 24 * 60 * 60;

/**
 * Fan-out on write: one item per addressee (pk `FEED#<org>`, sk `<ulid>`), written in the same
 * transaction as the change it reports, so reading a feed is one Query on one partition.
 */
export function feedEntries(addressees: readonly string[], entry: Omit<FeedEntry, 'id'>): TransactItem[] {
  const expiresAt = Math.floor(Date.parse(entry.at) / 1000) + FEED_RETENTION_SECONDS;
  return addressees.map((organisation) => {
    const id = newId();
    return {
      Put: {
        TableName: tableName(),
        Item: { pk: `FEED#${organisation}`, sk: id, entityType: 'FeedEntry', id, ...entry, expiresAt },
      },
    };
  });
}

export const FeedRepository = {
  /** Newest first. */
  async list(organisation: string, limit: number, cursor: string | undefined) {
    const page = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `FEED#${organisation}` },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, { pk: `FEED#${organisation}`, sk: 'any' }),
      }),
    );
    const items = (page.Items ?? []).map(
      ({ id, kind, at, from, secondment, reminder }) =>
        ({
          id,
          kind,
          at,
          from,
          ...(secondment ? { secondment } : {}),
          ...(reminder ? { reminder } : {}),
        }) as FeedEntry,
    );
    return { items, nextCursor: encodeCursor(page.LastEvaluatedKey) };
  },
};

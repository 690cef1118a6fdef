import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Posting } from '#shared/networks.ts';
import { dynamo, tableName } from '../lib/aws.ts';
import { queryAll } from '../lib/query.ts';
import type { TransactItem } from '../lib/transactions.ts';

/**
 * Networks are derived from secondments. Each notified secondment has a posting item in the
 * partition of its host country's network (`NETWORK#<cc>` / `POSTING#<secondmentId>`), written in
 * the same transaction as the secondment, and indexed in gsi3 `POSTINGS` for the networks index.
 * The same partition holds the network's activities (`ACTIVITY#<semester>#<date>#<id>`) and its
 * drafting designations (`DRAFTING#<semester>`), so a network page is one Query per host country.
 */
export const networkPartition = (networkId: string) => `NETWORK#${networkId}`;

export const postingWrites = {
  put(posting: Posting): TransactItem {
    return {
      Put: {
        TableName: tableName(),
        Item: {
          pk: networkPartition(posting.hostCountry),
          sk: `POSTING#${posting.secondmentId}`,
          entityType: 'Posting',
          ...posting,
          gsi3pk: 'POSTINGS',
          gsi3sk: `${posting.hostCountry}#${posting.secondmentId}`,
        },
      },
    };
  },
  delete(hostCountry: string, secondmentId: string): TransactItem {
    return {
      Delete: {
        TableName: tableName(),
        Key: { pk: networkPartition(hostCountry), sk: `POSTING#${secondmentId}` },
      },
    };
  },
};

export function toPosting(item: Record<string, unknown>): Posting {
  const { secondmentId, state, hostCountry, startDate, endDate, city } = item as unknown as Posting;
  return {
    secondmentId,
    state,
    hostCountry,
    startDate,
    ...(endDate ? { endDate } : {}),
    ...(city ? { city } : {}),
  };
}

export const NetworkRepository = {
  /** Everything in one network partition: postings, activities, drafting designations. */
  async partition(networkId: string): Promise<Record<string, unknown>[]> {
    return queryAll({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': networkPartition(networkId) },
    });
  },

  async postings(hostCountry: string): Promise<Posting[]> {
    const items = await queryAll({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': networkPartition(hostCountry), ':prefix': 'POSTING#' },
    });
    return items.map(toPosting);
  },

  /** Every posting of every network: the networks index. One Query on gsi3 (about 500 items). */
  async allPostings(): Promise<Posting[]> {
    const items = await queryAll({
      TableName: tableName(),
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk',
      ExpressionAttributeValues: { ':pk': 'POSTINGS' },
    });
    return items.map(toPosting);
  },

  async getItem(networkId: string, sk: string): Promise<Record<string, unknown> | undefined> {
    const { Item } = await dynamo().send(
      new GetCommand({ TableName: tableName(), Key: { pk: networkPartition(networkId), sk } }),
    );
    return Item;
  },
};

import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../lib/aws.ts';
import type { StoredItem } from '../lib/query.ts';
import { type TransactItem, versionCondition } from '../lib/transactions.ts';

/** Regional networks: reference data kept by the Commission. pk `REFERENCE`, sk `REGION#<id>`. */
export interface RegionRecord {
  id: string;
  name: string;
  hostCountries: string[];
  version: number;
  updatedAt: string;
}

function toRegion(item: StoredItem): RegionRecord {
  const { id, name, hostCountries, version, updatedAt } = item;
  return { id, name, hostCountries, version, updatedAt };
}

export const RegionRepository = {
  async list(): Promise<RegionRecord[]> {
    const { Items } = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': 'REFERENCE', ':prefix': 'REGION#' },
      }),
    );
    return (Items ?? []).map(toRegion);
  },

  async get(id: string): Promise<RegionRecord | undefined> {
    const { Item } = await dynamo().send(
      new GetCommand({ TableName: tableName(), Key: { pk: 'REFERENCE', sk: `REGION#${id}` } }),
    );
    return Item ? toRegion(Item) : undefined;
  },

  put(record: RegionRecord, expectedVersion: number | undefined): TransactItem {
    return {
      Put: {
        TableName: tableName(),
        Item: { pk: 'REFERENCE', sk: `REGION#${record.id}`, entityType: 'Region', ...record },
        ...versionCondition(expectedVersion),
      },
    };
  },
};

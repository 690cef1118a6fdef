import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../lib/aws.ts';
import { queryAll, type StoredItem } from '../lib/query.ts';
import { type TransactItem, versionCondition } from '../lib/transactions.ts';

/**
 * Representation and task-sharing arrangements (Art. 5): pk `ARRANGEMENT#<id>`, sk `CURRENT`, and all
 * of them in gsi3 `ARRANGEMENTS` (a few hundred at most): lists by host country or party are that one
 * Query, filtered in memory, since an arrangement has several of each.
 */
export interface ArrangementRecord {
  id: string;
  kind: 'representation' | 'task_sharing';
  parties: string[];
  hostCountries: string[];
  scope: string;
  validFrom: string;
  validTo?: string;
  proposedBy: string;
  acceptedBy: string[];
  status: 'proposed' | 'in_effect' | 'withdrawn';
  version: number;
  createdAt: string;
  updatedAt: string;
}

function toArrangement(item: StoredItem): ArrangementRecord {
  const { pk: _pk, sk: _sk, entityType: _t, gsi3pk: _g, gsi3sk: _s, ...record } = item;
  return record as ArrangementRecord;
}

export const ArrangementRepository = {
  async get(id: string): Promise<ArrangementRecord | undefined> {
    const { Item } = await dynamo().send(
      new GetCommand({ TableName: tableName(), Key: { pk: `ARRANGEMENT#${id}`, sk: 'CURRENT' } }),
    );
    return Item ? toArrangement(Item) : undefined;
  },

  async list(): Promise<ArrangementRecord[]> {
    const items = await queryAll({
      TableName: tableName(),
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk',
      ExpressionAttributeValues: { ':pk': 'ARRANGEMENTS' },
    });
    return items.map(toArrangement);
  },

  put(record: ArrangementRecord, expectedVersion: number | undefined): TransactItem {
    return {
      Put: {
        TableName: tableName(),
        Item: {
          pk: `ARRANGEMENT#${record.id}`,
          sk: 'CURRENT',
          entityType: 'Arrangement',
          ...record,
          gsi3pk: 'ARRANGEMENTS',
          gsi3sk: `${record.validFrom}#${record.id}`,
        },
        ...versionCondition(expectedVersion),
      },
    };
  },
};

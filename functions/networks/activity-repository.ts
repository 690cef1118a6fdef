import type { ActivityKind } from '#shared/networks.ts';
import { tableName } from '../lib/aws.ts';
import type { StoredItem } from '../lib/query.ts';
import { type TransactItem, versionCondition } from '../lib/transactions.ts';
import { activityKey, networkEntityTypes } from './network-keys.ts';

/** An activity recorded in a network (keys: network-keys.ts). */
export interface ActivityRecord {
  id: string;
  networkId: string;
  kind: ActivityKind;
  semester: string;
  recordedBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  fields: Record<string, unknown>;
}

export function toActivity(item: StoredItem): ActivityRecord {
  const { id, networkId, kind, semester, recordedBy, version, createdAt, updatedAt, fields } = item;
  return { id, networkId, kind, semester, recordedBy, version, createdAt, updatedAt, fields };
}

export const activityWrites = {
  put(record: ActivityRecord, expectedVersion: number | undefined): TransactItem {
    return {
      Put: {
        TableName: tableName(),
        Item: {
          ...activityKey(record.networkId, record.semester, record.id),
          entityType: networkEntityTypes.activity,
          ...record,
        },
        ...versionCondition(expectedVersion),
      },
    };
  },
  /** Moving an activity to another semester (its date changed): the old key goes, guarded by version. */
  delete(record: ActivityRecord): TransactItem {
    return {
      Delete: {
        TableName: tableName(),
        Key: activityKey(record.networkId, record.semester, record.id),
        ConditionExpression: 'version = :expected',
        ExpressionAttributeValues: { ':expected': record.version },
      },
    };
  },
};

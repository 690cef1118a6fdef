import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Posting } from '#shared/networks.ts';
import { dynamo, tableName } from '../lib/aws.ts';
import { queryAll, type StoredItem } from '../lib/query.ts';
import { type TransactItem, versionCondition } from '../lib/transactions.ts';
import { type ActivityRecord, toActivity } from './activity-repository.ts';
import {
  activityKey,
  draftingKey,
  networkEntityTypes,
  networkPartition,
  POSTING_PREFIX,
  POSTINGS_INDEX_PARTITION,
  postingIndexKey,
  postingKey,
} from './network-keys.ts';

/**
 * Networks are derived from secondments: each notified secondment has a posting item in its host
 * country's network partition, written in the same transaction as the secondment and indexed in gsi3
 * for the networks index. The same partition holds the network's activities and its drafting
 * designations (keys: network-keys.ts).
 */

/** A network's acting state and the Commission's reassignment in one semester; version 0: none yet. */
export interface DraftingDesignation {
  actingState?: string;
  reassignedTo?: string;
  version: number;
}

/** One network partition, read by one Query, as typed records. */
export interface NetworkPartition {
  postings: Posting[];
  activitiesIn(semester: string): ActivityRecord[];
  designationIn(semester: string): DraftingDesignation;
}

export const postingWrites = {
  put(posting: Posting): TransactItem {
    return {
      Put: {
        TableName: tableName(),
        Item: {
          ...postingKey(posting.hostCountry, posting.secondmentId),
          entityType: networkEntityTypes.posting,
          ...posting,
          ...postingIndexKey(posting.hostCountry, posting.secondmentId),
        },
      },
    };
  },
  delete(hostCountry: string, secondmentId: string): TransactItem {
    return { Delete: { TableName: tableName(), Key: postingKey(hostCountry, secondmentId) } };
  },
};

export const draftingWrites = {
  put(networkId: string, semester: string, designation: DraftingDesignation, at: string, expected: number) {
    return {
      Put: {
        TableName: tableName(),
        Item: {
          ...draftingKey(networkId, semester),
          entityType: networkEntityTypes.drafting,
          semester,
          ...designation,
          updatedAt: at,
        },
        // Version 0 means no designation yet.
        ...versionCondition(expected === 0 ? undefined : expected),
      },
    } satisfies TransactItem;
  },
};

export function toPosting(item: StoredItem): Posting {
  const { secondmentId, state, hostCountry, startDate, endDate, city } = item;
  return {
    secondmentId,
    state,
    hostCountry,
    startDate,
    ...(endDate ? { endDate } : {}),
    ...(city ? { city } : {}),
  };
}

function toDesignation(item: StoredItem | undefined): DraftingDesignation {
  return {
    ...(item?.actingState ? { actingState: item.actingState } : {}),
    ...(item?.reassignedTo ? { reassignedTo: item.reassignedTo } : {}),
    version: item?.version ?? 0,
  };
}

export const NetworkRepository = {
  /** Everything in one network partition: postings, activities, drafting designations. */
  async partition(networkId: string): Promise<NetworkPartition> {
    const items = await queryAll({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': networkPartition(networkId) },
    });
    const ofType = (type: string) => items.filter((item) => item.entityType === type);
    const activities = ofType(networkEntityTypes.activity).map(toActivity);
    const designations = ofType(networkEntityTypes.drafting);
    return {
      postings: ofType(networkEntityTypes.posting).map(toPosting),
      activitiesIn: (semester) => activities.filter((activity) => activity.semester === semester),
      designationIn: (semester) =>
        toDesignation(designations.find((item) => item.sk === draftingKey(networkId, semester).sk)),
    };
  },

  async postings(hostCountry: string): Promise<Posting[]> {
    const items = await queryAll({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': networkPartition(hostCountry), ':prefix': POSTING_PREFIX },
    });
    return items.map(toPosting);
  },

  /** Every posting of every network: the networks index. One Query on gsi3 (about 500 items). */
  async allPostings(): Promise<Posting[]> {
    const items = await queryAll({
      TableName: tableName(),
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk',
      ExpressionAttributeValues: { ':pk': POSTINGS_INDEX_PARTITION },
    });
    return items.map(toPosting);
  },

  async activity(networkId: string, semester: string, id: string): Promise<ActivityRecord | undefined> {
    const { Item } = await dynamo().send(
      new GetCommand({ TableName: tableName(), Key: activityKey(networkId, semester, id) }),
    );
    return Item ? toActivity(Item) : undefined;
  },
};

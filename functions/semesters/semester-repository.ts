import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { StateCode } from '#shared/reference/states.ts';
import type { SemesterId } from '#shared/semesters.ts';
import { dynamo, tableName } from '../lib/aws.ts';
import { queryAll, type StoredItem } from '../lib/query.ts';
import { ConditionFailed, type TransactItem, transact } from '../lib/transactions.ts';

/**
 * Semesters, one item each in one partition (a few dozen items in all): the Presidency calendar and,
 * later, each semester's status. Keys: pk `SEMESTERS`, sk `SEMESTER#<id>`.
 */
export interface SemesterRecord {
  semester: SemesterId;
  presidency: StateCode;
  status: 'open' | 'closed';
  closedAt?: string;
  /**
   * Set by the close, removed once the reports' generation has been asked for: a close whose request
   * was lost (a crash, the queue unavailable) is finished by the next close or scheduled run.
   */
  reportsPending?: boolean;
  version: number;
}

export type SemesterStatus = SemesterRecord['status'];

function toRecord(item: StoredItem): SemesterRecord {
  const { semester, presidency, status, closedAt, version, reportsPending } = item;
  return {
    semester,
    presidency,
    status,
    version,
    ...(closedAt ? { closedAt } : {}),
    ...(reportsPending ? { reportsPending } : {}),
  };
}

const PARTITION = 'SEMESTERS';
const sortKey = (id: SemesterId) => `SEMESTER#${id}`;

export const SemesterRepository = {
  /** Every stored semester, in order. One Query (paged past 1 MB, which a few dozen items never reach). */
  async list(): Promise<SemesterRecord[]> {
    const items = await queryAll({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': PARTITION, ':prefix': 'SEMESTER#' },
    });
    return items.map(toRecord);
  },

  async get(id: string): Promise<SemesterRecord | undefined> {
    const { Item } = await dynamo().send(
      new GetCommand({ TableName: tableName(), Key: { pk: PARTITION, sk: sortKey(id as SemesterId) } }),
    );
    return Item ? toRecord(Item) : undefined;
  },

  /**
   * Closes a semester once: the transition is conditional on `status = open`, so of two closes at
   * the same moment exactly one makes it; the other learns it was already closed. Answers whether
   * this call closed it. `withItems` (the close's audit entry) land in the same transaction.
   */
  async close(id: string, at: string, withItems: TransactItem[] = []): Promise<boolean> {
    try {
      await transact([
        {
          Update: {
            TableName: tableName(),
            Key: { pk: PARTITION, sk: sortKey(id as SemesterId) },
            UpdateExpression:
              'SET #status = :closed, closedAt = :at, version = version + :one, reportsPending = :pending',
            ConditionExpression: '#status = :open',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':closed': 'closed',
              ':open': 'open',
              ':at': at,
              ':one': 1,
              ':pending': true,
            },
          },
        },
        ...withItems,
      ]);
      return true;
    } catch (error) {
      if (error instanceof ConditionFailed && error.index === 0) return false;
      throw error;
    }
  },

  /** The close's report generation has been asked for (see `reportsPending`). */
  async reportsRequested(id: string): Promise<void> {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: PARTITION, sk: sortKey(id as SemesterId) },
        UpdateExpression: 'REMOVE reportsPending',
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
  },

  /**
   * A transaction item that holds only while the semester is open: a write that a closed semester
   * locks carries it, so a close landing between the write's read and its commit refuses the write.
   */
  openCheck(id: string): TransactItem {
    return {
      ConditionCheck: {
        TableName: tableName(),
        Key: { pk: PARTITION, sk: sortKey(id as SemesterId) },
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':open': 'open' },
      },
    };
  },

  /** The record that a reminder was sent, created once (in the transaction that sends it). */
  reminderMarker(id: string, daysBefore: number, at: string): TransactItem {
    return {
      Put: {
        TableName: tableName(),
        Item: { pk: PARTITION, sk: `REMINDER#${id}#${daysBefore}`, entityType: 'ReminderSent', at },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  },

  /**
   * Sets the Presidency of a semester, with `withItems` (its audit entry) in the same transaction.
   * `expectedVersion` 0 adds a semester not stored yet; otherwise the stored one must be open and at
   * that version. Throws `ConditionFailed` (index 0) when it is not: the caller reads why.
   */
  async setPresidency(
    id: SemesterId,
    presidency: StateCode,
    expectedVersion: number,
    at: string,
    withItems: TransactItem[] = [],
  ): Promise<void> {
    const Key = { pk: PARTITION, sk: sortKey(id) };
    const write: TransactItem =
      expectedVersion === 0
        ? {
            Put: {
              TableName: tableName(),
              Item: {
                ...Key,
                entityType: 'Semester',
                semester: id,
                presidency,
                status: 'open',
                version: 1,
                createdAt: at,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          }
        : {
            Update: {
              TableName: tableName(),
              Key,
              UpdateExpression: 'SET presidency = :presidency, version = version + :one',
              ConditionExpression: '#status = :open AND version = :expected',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':presidency': presidency,
                ':open': 'open',
                ':expected': expectedVersion,
                ':one': 1,
              },
            },
          };
    await transact([write, ...withItems]);
  },

  /**
   * Stores a semester with its default Presidency unless it is already stored, so that a
   * correction made in the table is never overwritten by a later seed. Answers whether it was new.
   */
  async createIfAbsent(id: SemesterId, presidency: StateCode, now: Date): Promise<boolean> {
    try {
      await dynamo().send(
        new PutCommand({
          TableName: tableName(),
          Item: {
            pk: PARTITION,
            sk: sortKey(id),
            entityType: 'Semester',
            semester: id,
            presidency,
            status: 'open',
            version: 1,
            createdAt: now.toISOString(),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  },
};

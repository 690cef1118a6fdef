import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { StateCode } from '#shared/reference/states.ts';
import type { SemesterId } from '#shared/semesters.ts';
import { dynamo, tableName } from '../lib/aws.ts';

/**
 * Semesters, one item each in one partition (a few dozen items in all): the Presidency calendar and,
 * later, each semester's status. Keys: pk `SEMESTERS`, sk `SEMESTER#<id>`.
 */
export interface SemesterRecord {
  semester: SemesterId;
  presidency: StateCode;
  status: 'open' | 'closed';
  version: number;
}

const PARTITION = 'SEMESTERS';
const sortKey = (id: SemesterId) => `SEMESTER#${id}`;

export const SemesterRepository = {
  /** Every stored semester, in order. One Query (paged past 1 MB, which a few dozen items never reach). */
  async list(): Promise<SemesterRecord[]> {
    const records: SemesterRecord[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamo().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': PARTITION, ':prefix': 'SEMESTER#' },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        records.push({
          semester: item.semester,
          presidency: item.presidency,
          status: item.status,
          version: item.version,
        });
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return records;
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

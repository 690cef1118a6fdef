import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DraftingState } from '#shared/networks.ts';
import { REPORTS_PREFIX } from '#shared/table-design.ts';
import { dynamo, tableName } from '../lib/aws.ts';
import { queryAll, type StoredItem } from '../lib/query.ts';
import { type TransactItem, versionCondition } from '../lib/transactions.ts';

/**
 * Reports: the files in S3 under `reports/<semester>/<network>/v<N>/` (report-files.ts), and one item
 * per version in the table (pk `REPORT#<semester>#<network>`, sk `V#<0001>`; gsi1 `SEMESTER#<semester>`), written
 * only after every file is uploaded. A `GENERATION` item is the lease that keeps two generators of
 * the same report from working at once.
 */
export const reportFormats = ['json', 'html', 'pdf', 'docx'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export interface ReportRecord {
  semester: string;
  networkId: string;
  version: number;
  status: 'generated' | 'finalised';
  drafting: DraftingState | null;
  generatedAt: string;
  inputsHash: string;
  files: Record<ReportFormat | 'inputs', string>;
  assessment?: string;
  assessmentVersion?: number;
  finalisedAt?: string;
  finalisedBy?: string;
  /** Optimistic versioning of the record itself (assessment, finalisation), distinct from `version`. */
  revision: number;
}

const partition = (semester: string, networkId: string) => `REPORT#${semester}#${networkId}`;
const versionKey = (version: number) => `V#${String(version).padStart(4, '0')}`;
export function reportFileKey(
  semester: string,
  networkId: string,
  version: number,
  format: ReportFormat | 'inputs',
) {
  const name = format === 'inputs' ? 'inputs.json' : `report.${format}`;
  return `${REPORTS_PREFIX}${semester}/${networkId}/v${version}/${name}`;
}

function toRecord(item: StoredItem): ReportRecord {
  const { pk: _pk, sk: _sk, entityType: _t, gsi1pk: _a, gsi1sk: _b, ...record } = item;
  return record as ReportRecord;
}

const LEASE_SECONDS = 120;

export const ReportRepository = {
  async versions(semester: string, networkId: string): Promise<ReportRecord[]> {
    const { Items } = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': partition(semester, networkId), ':prefix': 'V#' },
      }),
    );
    return (Items ?? []).map(toRecord);
  },

  async latest(semester: string, networkId: string): Promise<ReportRecord | undefined> {
    const { Items } = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': partition(semester, networkId), ':prefix': 'V#' },
        ScanIndexForward: false,
        Limit: 1,
      }),
    );
    return Items?.[0] ? toRecord(Items[0]) : undefined;
  },

  /** The latest version of every report of a semester. One Query on gsi1. */
  async forSemester(semester: string): Promise<ReportRecord[]> {
    const records = (
      await queryAll({
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `SEMESTER#${semester}`, ':prefix': 'REPORT#' },
      })
    ).map(toRecord);
    const latest = new Map<string, ReportRecord>();
    for (const record of records) {
      const known = latest.get(record.networkId);
      if (!known || known.version < record.version) latest.set(record.networkId, record);
    }
    return [...latest.values()].sort((a, b) => a.networkId.localeCompare(b.networkId));
  },

  /**
   * Takes the generation lease unless another generator holds a live one. `owner` names the request
   * (the queue message's id): a message delivered again may take over its own earlier attempt's
   * lease, because the queue redelivers only once that attempt is over (on AWS the visibility
   * timeout outlasts the generator's timeout; locally, after it returned or the process died).
   */
  async acquireLease(semester: string, networkId: string, now: Date, owner?: string): Promise<boolean> {
    try {
      await dynamo().send(
        new PutCommand({
          TableName: tableName(),
          Item: {
            pk: partition(semester, networkId),
            sk: 'GENERATION',
            entityType: 'GenerationLease',
            leaseUntil: Math.floor(now.getTime() / 1000) + LEASE_SECONDS,
            expiresAt: Math.floor(now.getTime() / 1000) + LEASE_SECONDS * 10,
            ...(owner ? { owner } : {}),
          },
          ConditionExpression: `attribute_not_exists(pk) OR leaseUntil < :now${owner ? ' OR #owner = :owner' : ''}`,
          ...(owner ? { ExpressionAttributeNames: { '#owner': 'owner' } } : {}),
          ExpressionAttributeValues: {
            ':now': Math.floor(now.getTime() / 1000),
            ...(owner ? { ':owner': owner } : {}),
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  },

  async releaseLease(semester: string, networkId: string): Promise<void> {
    await dynamo().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: { pk: partition(semester, networkId), sk: 'GENERATION' },
      }),
    );
  },

  releaseLeaseItem(semester: string, networkId: string): TransactItem {
    return {
      Delete: { TableName: tableName(), Key: { pk: partition(semester, networkId), sk: 'GENERATION' } },
    };
  },

  put(record: ReportRecord, expectedRevision: number | undefined): TransactItem {
    return {
      Put: {
        TableName: tableName(),
        Item: {
          pk: partition(record.semester, record.networkId),
          sk: versionKey(record.version),
          entityType: 'Report',
          ...record,
          gsi1pk: `SEMESTER#${record.semester}`,
          gsi1sk: `REPORT#${record.networkId}#${versionKey(record.version)}`,
        },
        ...(expectedRevision === undefined
          ? versionCondition(undefined)
          : {
              ConditionExpression: 'revision = :expected',
              ExpressionAttributeValues: { ':expected': expectedRevision },
            }),
      },
    };
  },
};

import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { SecondmentFields, SecondmentStatus } from '#shared/secondments.ts';
import { tableDesign } from '#shared/table-design.ts';
import { dynamo, tableName } from '../lib/aws.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { queryAll } from '../lib/query.ts';
import { type TransactItem, versionCondition } from '../lib/transactions.ts';

/**
 * Secondments (see docs/data-model.md). Per secondment, in partition `SECONDMENT#<id>`:
 * - `CURRENT`: the current version, indexed by host country (gsi1), by state (gsi2) and, once
 *   notified, in the collection of all notified secondments (gsi3, sparse);
 * - `VERSION#<000001>`: every version ever written, without the officer's personal data;
 * - `OFFICER`: the officer's name and contact, kept apart so that erasing them touches one item.
 */
export type SecondmentRecord = Omit<SecondmentFields, 'officer'> & {
  id: string;
  state: string;
  status: SecondmentStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  notifiedAt?: string;
};

export interface OfficerRecord {
  name?: string;
  email?: string;
  phone?: string;
  /** ISO date from which the personal data is erased (end date plus the retention period). */
  eraseFrom?: string;
  erasedAt?: string;
}

export interface VersionRecord {
  version: number;
  action: 'created' | 'updated' | 'notified' | 'amended' | 'ended' | 'withdrawn';
  at: string;
  actor: { organisation: string; name?: string };
  secondment: SecondmentRecord;
}

const partition = (id: string) => `SECONDMENT#${id}`;
const versionKey = (version: number) => `VERSION#${String(version).padStart(6, '0')}`;
const ERASURE_INDEX_PK = 'OFFICER_ERASURE';
const MAX_PAGES_PER_LIST = 20;

/** The attributes of an ExclusiveStartKey on the table or one of its indexes. */
function keyAttributes(indexName: string | undefined): string[] {
  const index = tableDesign.globalSecondaryIndexes.find((i) => i.indexName === indexName);
  return [
    tableDesign.partitionKey,
    tableDesign.sortKey,
    ...(index ? [index.partitionKey, index.sortKey] : []),
  ];
}

const recordFields: (keyof SecondmentRecord)[] = [
  'id',
  'state',
  'hostCountry',
  'post',
  'authority',
  'startDate',
  'endDate',
  'tasks',
  'taskDescription',
  'regionalCoverage',
  'languages',
  'status',
  'version',
  'createdAt',
  'updatedAt',
  'notifiedAt',
];

function toRecord(item: Record<string, unknown>): SecondmentRecord {
  const record: Record<string, unknown> = {};
  for (const field of recordFields) if (item[field] !== undefined) record[field] = item[field];
  return record as SecondmentRecord;
}

function currentItem(record: SecondmentRecord) {
  const sortable = `${record.startDate}#${record.id}`;
  return {
    pk: partition(record.id),
    sk: 'CURRENT',
    entityType: 'Secondment',
    ...record,
    gsi1pk: `HOST#${record.hostCountry}`,
    gsi1sk: `SECONDMENT#${sortable}`,
    gsi2pk: `STATE#${record.state}`,
    gsi2sk: `SECONDMENT#${sortable}`,
    // Sparse: drafts are private to their state, so only notified secondments join the collection.
    ...(record.status === 'draft' ? {} : { gsi3pk: 'SECONDMENTS', gsi3sk: sortable }),
  };
}

export interface ListFilter {
  hostCountry?: string | undefined;
  state?: string | undefined;
  status?: SecondmentStatus | undefined;
  phase?: 'planned' | 'active' | 'ended' | undefined;
  /** Include drafts of this state (the caller's own); others' drafts are never listed. */
  draftsOf?: string | undefined;
  today: string;
}

export const SecondmentRepository = {
  async get(id: string): Promise<SecondmentRecord | undefined> {
    const { Item } = await dynamo().send(
      new GetCommand({ TableName: tableName(), Key: { pk: partition(id), sk: 'CURRENT' } }),
    );
    return Item ? toRecord(Item) : undefined;
  },

  async getOfficer(id: string): Promise<OfficerRecord | undefined> {
    const { Item } = await dynamo().send(
      new GetCommand({ TableName: tableName(), Key: { pk: partition(id), sk: 'OFFICER' } }),
    );
    if (!Item) return undefined;
    const { name, email, phone, eraseFrom, erasedAt } = Item;
    return { name, email, phone, eraseFrom, erasedAt } as OfficerRecord;
  },

  async history(id: string): Promise<VersionRecord[]> {
    const items = await queryAll({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': partition(id), ':prefix': 'VERSION#' },
    });
    return items.map((item) => ({
      version: item.version as number,
      action: item.action as VersionRecord['action'],
      at: item.at as string,
      actor: item.actor as VersionRecord['actor'],
      secondment: toRecord(item.secondment as Record<string, unknown>),
    }));
  },

  /**
   * One Query, chosen by the filter: by state (gsi2), by host country (gsi1), or all notified
   * secondments (gsi3). Status and phase are filter expressions on the dates.
   */
  async list(filter: ListFilter, limit: number, cursor: string | undefined) {
    const values: Record<string, unknown> = {};
    const names: Record<string, string> = { '#status': 'status' };
    const conditions: string[] = [];
    let key: Pick<QueryCommandInput, 'IndexName' | 'KeyConditionExpression'>;
    if (filter.state) {
      key = { IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :prefix)' };
      values[':pk'] = `STATE#${filter.state}`;
      values[':prefix'] = 'SECONDMENT#';
      if (filter.hostCountry) {
        conditions.push('hostCountry = :host');
        values[':host'] = filter.hostCountry;
      }
    } else if (filter.hostCountry) {
      key = { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)' };
      values[':pk'] = `HOST#${filter.hostCountry}`;
      values[':prefix'] = 'SECONDMENT#';
    } else {
      key = { IndexName: 'gsi3', KeyConditionExpression: 'gsi3pk = :pk' };
      values[':pk'] = 'SECONDMENTS';
    }
    if (filter.draftsOf) {
      conditions.push('(#status <> :draft OR #state = :own)');
      names['#state'] = 'state';
      values[':own'] = filter.draftsOf;
    } else {
      conditions.push('#status <> :draft');
    }
    values[':draft'] = 'draft';
    if (filter.status) {
      conditions.push('#status = :status');
      values[':status'] = filter.status;
    }
    if (filter.phase) {
      // The same rule as phaseOf() in shared/secondments.ts, as a filter on the stored dates.
      values[':today'] = filter.today;
      conditions.push('#status IN (:notified, :ended)');
      values[':notified'] = 'notified';
      values[':ended'] = 'ended';
      if (filter.phase === 'planned') conditions.push('startDate > :today');
      if (filter.phase === 'active') {
        conditions.push('startDate <= :today AND (attribute_not_exists(endDate) OR endDate >= :today)');
      }
      if (filter.phase === 'ended') conditions.push('endDate < :today');
    }
    // A filter applies after DynamoDB's Limit, so one page may hold fewer matches than asked for:
    // read on (a bounded number of pages) until the page is full or the index is exhausted.
    const items: Record<string, unknown>[] = [];
    // A cursor resumes this query only: the current item of a secondment, in this index partition.
    const index = tableDesign.globalSecondaryIndexes.find((i) => i.indexName === key.IndexName);
    let startKey = decodeCursor(cursor, {
      [tableDesign.partitionKey]: { prefix: 'SECONDMENT#' },
      [tableDesign.sortKey]: 'CURRENT',
      ...(index
        ? {
            [index.partitionKey]: String(values[':pk']),
            [index.sortKey]: index.indexName === 'gsi3' ? 'any' : { prefix: 'SECONDMENT#' },
          }
        : {}),
    });
    let lastKey: Record<string, unknown> | undefined;
    let pageLeftOver = false;
    for (let pages = 0; pages < MAX_PAGES_PER_LIST && items.length < limit; pages++) {
      const page = await dynamo().send(
        new QueryCommand({
          TableName: tableName(),
          ...key,
          FilterExpression: conditions.join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ScanIndexForward: false,
          Limit: limit,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        if (items.length === limit) {
          pageLeftOver = true;
          break;
        }
        items.push(item);
        // Resuming right after the last item returned: its table and index keys.
        lastKey = Object.fromEntries(keyAttributes(key.IndexName).map((name) => [name, item[name]]));
      }
      startKey = page.LastEvaluatedKey;
      if (!startKey) break;
    }
    const more = pageLeftOver ? lastKey : startKey;
    return { items: items.map(toRecord), nextCursor: encodeCursor(more) };
  },

  /** Officers whose personal data is due for erasure on `today`. One Query on gsi3 (sparse). */
  async officersDueForErasure(today: string): Promise<string[]> {
    const items = await queryAll({
      TableName: tableName(),
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk <= :upTo',
      ExpressionAttributeValues: { ':pk': ERASURE_INDEX_PK, ':upTo': `${today}#~` },
    });
    return items.map((item) => item.id as string);
  },
};

/** Transaction items that make the write of one secondment version. */
export const secondmentWrites = {
  /** The current item, created (expected undefined) or replaced only if still at `expectedVersion`. */
  putCurrent(record: SecondmentRecord, expectedVersion: number | undefined): TransactItem {
    return {
      Put: {
        TableName: tableName(),
        Item: currentItem(record),
        ...versionCondition(expectedVersion),
      },
    };
  },

  putVersion(version: Omit<VersionRecord, 'secondment'> & { secondment: SecondmentRecord }): TransactItem {
    return {
      Put: {
        TableName: tableName(),
        Item: {
          pk: partition(version.secondment.id),
          sk: versionKey(version.version),
          entityType: 'SecondmentVersion',
          ...version,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  },

  putOfficer(id: string, officer: OfficerRecord): TransactItem {
    return {
      Put: {
        TableName: tableName(),
        Item: {
          pk: partition(id),
          sk: 'OFFICER',
          entityType: 'Officer',
          id,
          ...officer,
          // Sparse index of what is due for erasure, and TTL as a second line of defence.
          ...(officer.eraseFrom && !officer.erasedAt
            ? {
                gsi3pk: ERASURE_INDEX_PK,
                gsi3sk: `${officer.eraseFrom}#${id}`,
                expiresAt: Math.floor(Date.parse(`${officer.eraseFrom}T00:00:00Z`) / 1000) + 7 * 86_400,
              }
            : {}),
        },
      },
    };
  },
};

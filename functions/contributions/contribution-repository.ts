import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type QueryCommandInput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ContributionStatus, ContributionValues, UnsettledEntries } from '#shared/contributions.ts';
import { dynamo, tableName } from '../lib/aws.ts';
import { queryAll, type StoredItem } from '../lib/query.ts';
import { type TransactItem, versionCondition } from '../lib/transactions.ts';

/**
 * Contributions: pk `CONTRIBUTION#<semester>#<networkId>`, sk `STATE#<cc>`; gsi1 `SEMESTER#<semester>`
 * (completeness of a semester), gsi2 `STATE#<cc>` (a state's contributions); gsi3 `REPORTS_OWED`
 * (sparse) while a late submission's new report version has not been asked for yet.
 *
 * The values (tens of KB: 2 to 5 KB of text per section) are an item of their own beside it, sk
 * `STATE#<cc>#VALUES`, in no index: the indexes project whole items, and a semester's completeness
 * read every contribution's values (about 26 MB at full scale: seconds, thousands of read units).
 * Both are written in one transaction; an item written before the split still holds its values.
 * The draft's unsettled entries (typed, not valid yet) are kept in the values item too, beside the values.
 */
export interface ContributionRecord {
  semester: string;
  networkId: string;
  state: string;
  templateVersion: number;
  values: ContributionValues;
  /** Entries not valid yet, as typed, by form path: never among the values (absent when none). */
  unsettled?: UnsettledEntries;
  status: Exclude<ContributionStatus, 'empty'>;
  /** Submitted after the semester closed, under a late-submission exception. */
  late: boolean;
  version: number;
  savedAt: string;
  savedBy: string;
  submittedAt?: string;
  reopenedAt?: string;
}

const REPORTS_OWED = 'REPORTS_OWED';

const key = (semester: string, networkId: string, state: string) => ({
  pk: `CONTRIBUTION#${semester}#${networkId}`,
  sk: `STATE#${state}`,
});
const VALUES_SUFFIX = '#VALUES';

function toRecord(item: StoredItem): ContributionRecord {
  const {
    pk: _pk,
    sk: _sk,
    entityType: _t,
    gsi1pk: _a,
    gsi1sk: _b,
    gsi2pk: _c,
    gsi2sk: _d,
    gsi3pk: _e,
    gsi3sk: _f,
    ...record
  } = item;
  return record as ContributionRecord;
}

/**
 * What completeness, outstanding lists and reminders need of a contribution. A contribution's values
 * are tens of KB (a semester's, tens of MB): listing them by status reads these attributes alone.
 * (DynamoDB still counts the whole items read; the answer, and its transfer and parsing, shrink.)
 */
export type ContributionStatusRecord = Pick<
  ContributionRecord,
  'semester' | 'networkId' | 'state' | 'status' | 'late'
>;

const statusOnly = {
  ProjectionExpression: '#semester, #networkId, #state, #status, #late',
  ExpressionAttributeNames: {
    '#semester': 'semester',
    '#networkId': 'networkId',
    '#state': 'state',
    '#status': 'status',
    '#late': 'late',
  },
};

async function queryRecords(input: QueryCommandInput): Promise<ContributionRecord[]> {
  return (await queryAll(input)).map(toRecord);
}

/** Contribution items with their values items (from one partition), as records. */
function withValues(items: StoredItem[]): ContributionRecord[] {
  const values = new Map<string, Pick<ContributionRecord, 'values' | 'unsettled'>>();
  for (const item of items) {
    const sk = String(item.sk);
    if (sk.endsWith(VALUES_SUFFIX))
      values.set(sk.slice(0, -VALUES_SUFFIX.length), {
        values: item.values as ContributionValues,
        ...(item.unsettled ? { unsettled: item.unsettled as UnsettledEntries } : {}),
      });
  }
  return items
    .filter((item) => !String(item.sk).endsWith(VALUES_SUFFIX))
    .map((item) => {
      const record = toRecord(item);
      const own = values.get(String(item.sk));
      return own ? { ...record, ...own } : record;
    });
}

export const ContributionRepository = {
  /** One contribution with its values: one Query for the item and its values item. */
  async get(semester: string, networkId: string, state: string): Promise<ContributionRecord | undefined> {
    const { pk, sk } = key(semester, networkId, state);
    const items = await queryAll({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': pk, ':sk': sk },
    });
    return withValues(items)[0];
  },

  /** Every contribution to one network's report, with its values. */
  async forNetwork(semester: string, networkId: string): Promise<ContributionRecord[]> {
    return withValues(
      await queryAll({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': key(semester, networkId, '').pk },
      }),
    );
  },

  /** Every contribution of a semester, for its completeness: the status only, never the values. */
  async forSemester(semester: string): Promise<ContributionStatusRecord[]> {
    return (await queryRecords({
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `SEMESTER#${semester}`, ':prefix': 'CONTRIBUTION#' },
      ...statusOnly,
    })) as ContributionStatusRecord[];
  },

  /** A state's contributions in a semester: the status only, never the values. */
  async forState(state: string, semester: string): Promise<ContributionStatusRecord[]> {
    return (await queryRecords({
      TableName: tableName(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `STATE#${state}`, ':prefix': `CONTRIBUTION#${semester}#` },
      ...statusOnly,
    })) as ContributionStatusRecord[];
  },

  /**
   * The contribution and its values item, for one transaction (the first is the versioned one).
   * `reportOwed`: a late submission, whose new report version is still to be asked for.
   */
  put(record: ContributionRecord, expectedVersion: number | undefined, reportOwed = false): TransactItem[] {
    const { values, unsettled, ...rest } = record;
    const itemKey = key(record.semester, record.networkId, record.state);
    return [
      {
        Put: {
          TableName: tableName(),
          Item: {
            ...itemKey,
            entityType: 'Contribution',
            ...rest,
            gsi1pk: `SEMESTER#${record.semester}`,
            gsi1sk: `CONTRIBUTION#${record.networkId}#${record.state}`,
            gsi2pk: `STATE#${record.state}`,
            gsi2sk: `CONTRIBUTION#${record.semester}#${record.networkId}`,
            ...(reportOwed
              ? { gsi3pk: REPORTS_OWED, gsi3sk: `${record.semester}#${record.networkId}#${record.state}` }
              : {}),
          },
          ...versionCondition(expectedVersion),
        },
      },
      {
        Put: {
          TableName: tableName(),
          Item: {
            pk: itemKey.pk,
            sk: `${itemKey.sk}${VALUES_SUFFIX}`,
            entityType: 'ContributionValues',
            templateVersion: record.templateVersion,
            version: record.version,
            values,
            ...(unsettled && Object.keys(unsettled).length > 0 ? { unsettled } : {}),
          },
        },
      },
    ];
  },

  /** Late submissions whose new report version was never asked for (the request failed). One Query. */
  async owedReports(): Promise<Pick<ContributionRecord, 'semester' | 'networkId' | 'state' | 'version'>[]> {
    const items = await queryAll({
      TableName: tableName(),
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk',
      ExpressionAttributeValues: { ':pk': REPORTS_OWED },
    });
    return items.map(toRecord);
  },

  /** The new report version has been asked for; a later write (a reopening) may have cleared it already. */
  async reportRequested(record: Pick<ContributionRecord, 'semester' | 'networkId' | 'state' | 'version'>) {
    try {
      await dynamo().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: key(record.semester, record.networkId, record.state),
          UpdateExpression: 'REMOVE gsi3pk, gsi3sk',
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':version': record.version },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  },
};

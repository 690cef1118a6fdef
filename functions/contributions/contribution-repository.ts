import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, type QueryCommandInput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ContributionStatus, ContributionValues } from '#shared/contributions.ts';
import { dynamo, tableName } from '../lib/aws.ts';
import { queryAll } from '../lib/query.ts';
import { type TransactItem, versionCondition } from '../lib/transactions.ts';

/**
 * Contributions: pk `CONTRIBUTION#<semester>#<networkId>`, sk `STATE#<cc>`; gsi1 `SEMESTER#<semester>`
 * (completeness of a semester), gsi2 `STATE#<cc>` (a state's contributions); gsi3 `REPORTS_OWED`
 * (sparse) while a late submission's new report version has not been asked for yet.
 */
export interface ContributionRecord {
  semester: string;
  networkId: string;
  state: string;
  templateVersion: number;
  values: ContributionValues;
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

function toRecord(item: Record<string, unknown>): ContributionRecord {
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
  return record as unknown as ContributionRecord;
}

async function queryRecords(input: QueryCommandInput): Promise<ContributionRecord[]> {
  return (await queryAll(input)).map(toRecord);
}

export const ContributionRepository = {
  async get(semester: string, networkId: string, state: string): Promise<ContributionRecord | undefined> {
    const { Item } = await dynamo().send(
      new GetCommand({ TableName: tableName(), Key: key(semester, networkId, state) }),
    );
    return Item ? toRecord(Item) : undefined;
  },

  /** Every contribution to one network's report. */
  forNetwork(semester: string, networkId: string) {
    return queryRecords({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': key(semester, networkId, '').pk },
    });
  },

  /** Every contribution of a semester, for its completeness. */
  forSemester(semester: string) {
    return queryRecords({
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `SEMESTER#${semester}`, ':prefix': 'CONTRIBUTION#' },
    });
  },

  /** A state's contributions in a semester. */
  forState(state: string, semester: string) {
    return queryRecords({
      TableName: tableName(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `STATE#${state}`, ':prefix': `CONTRIBUTION#${semester}#` },
    });
  },

  /** `reportOwed`: a late submission, whose new report version is still to be asked for. */
  put(record: ContributionRecord, expectedVersion: number | undefined, reportOwed = false): TransactItem {
    return {
      Put: {
        TableName: tableName(),
        Item: {
          ...key(record.semester, record.networkId, record.state),
          entityType: 'Contribution',
          ...record,
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
    };
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

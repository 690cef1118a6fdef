/**
 * The single table's keys and indexes, as plain data. The CDK stateful stack and the local runtime
 * both build the table from this one definition, so the two cannot drift. See docs/data-model.md.
 */
export interface IndexDesign {
  indexName: string;
  partitionKey: string;
  sortKey: string;
}

export const tableDesign = {
  partitionKey: 'pk',
  sortKey: 'sk',
  globalSecondaryIndexes: [
    // By host country / network / semester collections (e.g. secondments to TR, reports of a semester).
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    // By organisation (e.g. a state's secondments, its outstanding contributions).
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    // Whole collections that are small enough for one partition (e.g. all notified secondments).
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  ] satisfies IndexDesign[],
  /** Epoch seconds; DynamoDB deletes the item some time after. Used for feed entries and idempotency keys. */
  timeToLiveAttribute: 'expiresAt',
} as const;

export const REPORTS_PREFIX = 'reports/';

/**
 * Audit entries' partition keys begin so (`AUDIT#<kind>#<id>`, functions/audit/audit-repository.ts);
 * the CDK stack denies every function changing an item under it.
 */
export const AUDIT_KEY_PREFIX = 'AUDIT#';

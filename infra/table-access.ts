/**
 * Which DynamoDB actions a function may use on the table. Listed by hand rather than taken from
 * `grantReadData`/`grantReadWriteData`, which also allow `Scan` (a request path never scans: see
 * docs/data-model.md) and stream reads that nothing here needs.
 */
export const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;

export const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  // Each condition check in a TransactWriteItems call.
  'dynamodb:ConditionCheckItem',
] as const;

/** Declared per route and job in functions/routes.ts; a route that starts writing must say so there. */
export type TableAccess = 'read' | 'read-write';

export function tableActions(access: TableAccess): string[] {
  return access === 'read' ? [...TABLE_READ_ACTIONS] : [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS];
}

// `npm run copy-table -- --from ilo-network-prod-restored --to ilo-network-prod [--region eu-west-1] [--dry-run]`
//
// The second half of a point-in-time restore (docs/operations.md): DynamoDB restores into a new
// table, and the application's table has a fixed name, so the restored items are copied back into
// it. Every item of the source is written to the target as it is (same keys: an item that exists
// is replaced by its restored state); items that exist only in the target are listed, not deleted.
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';

const USAGE =
  'Usage: npm run copy-table -- --from <restored table> --to <live table> [--region <region>] [--dry-run]';
const BATCH = 25;

export interface CopyResult {
  copied: number;
  /** Keys present in the target but not in the source: created after the restore point. */
  onlyInTarget: string[];
}

type Item = Record<string, unknown>;
const keyOf = (item: Item) => `${String(item.pk)} | ${String(item.sk)}`;

async function scanAll(client: DynamoDBDocumentClient, table: string): Promise<Item[]> {
  const items: Item[] = [];
  for await (const page of paginateScan({ client }, { TableName: table, ConsistentRead: true })) {
    items.push(...((page.Items ?? []) as Item[]));
  }
  return items;
}

export async function copyTable(
  client: DynamoDBDocumentClient,
  options: { from: string; to: string; dryRun?: boolean; progress?: (copied: number, total: number) => void },
): Promise<CopyResult> {
  const [source, target] = await Promise.all([scanAll(client, options.from), scanAll(client, options.to)]);
  const sourceKeys = new Set(source.map(keyOf));
  const onlyInTarget = target.map(keyOf).filter((key) => !sourceKeys.has(key));
  let copied = 0;
  for (let start = 0; start < source.length && !options.dryRun; start += BATCH) {
    let requests = source.slice(start, start + BATCH).map((Item) => ({ PutRequest: { Item } }));
    // Unprocessed writes (throttling) are sent again, with a growing pause.
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 8)
        throw new Error(`DynamoDB kept refusing ${requests.length} writes; run the copy again.`);
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      const answer = await client.send(new BatchWriteCommand({ RequestItems: { [options.to]: requests } }));
      requests = (answer.UnprocessedItems?.[options.to] ?? []) as typeof requests;
    }
    copied += Math.min(BATCH, source.length - start);
    options.progress?.(copied, source.length);
  }
  return { copied, onlyInTarget };
}

export async function main(argv: string[], log: (line: string) => void = console.log): Promise<number> {
  let values: { from?: string; to?: string; region?: string; 'dry-run'?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        region: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    log(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.from || !values.to || values.from === values.to) {
    log(`Give two different tables, --from (the restored one) and --to (the live one).\n${USAGE}`);
    return 2;
  }
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      ...(values.region ? { region: values.region } : {}),
      ...(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {}),
    }),
  );
  try {
    const result = await copyTable(client, {
      from: values.from,
      to: values.to,
      dryRun: values['dry-run'] ?? false,
      progress: (copied, total) => log(`copied ${copied} of ${total} items`),
    });
    log(
      values['dry-run']
        ? `Dry run: nothing written. ${result.onlyInTarget.length} item(s) exist only in ${values.to}.`
        : `Copied ${result.copied} item(s) from ${values.from} to ${values.to}.`,
    );
    if (result.onlyInTarget.length > 0) {
      log(`Items only in ${values.to} (created after the restore point; left as they are):`);
      for (const key of result.onlyInTarget) log(`  ${key}`);
    }
    return 0;
  } finally {
    client.destroy();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}

import { type NativeAttributeValue, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamo } from './aws.ts';

/**
 * An item as the document client returns it. Its attributes are what the repository's own writes put
 * there, so each repository reads it into its typed record (`toX(item)`) without a cast.
 */
export type StoredItem = Record<string, NativeAttributeValue>;

/** Every item a Query matches, following LastEvaluatedKey across 1 MB pages. */
export async function queryAll(input: QueryCommandInput): Promise<StoredItem[]> {
  const items: StoredItem[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

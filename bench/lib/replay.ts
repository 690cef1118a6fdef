/**
 * The "raw" side of the API benchmark: the DynamoDB calls one request made, sent again with the bare
 * SDK (a document client of its own, no handler, no HTTP), in the same order and with the same
 * overlap. Calls that overlapped in the handler (Promise.all) form one wave and are sent together;
 * waves follow one another, so the replay takes the handler's critical path through DynamoDB.
 *
 * Writes cannot be sent twice as they were (their version conditions would fail), so a replayed
 * write goes to fresh keys of the same shape: every partition key (and index key) gets a
 * `BENCH-RAW#<n>#` prefix, and each condition becomes `attribute_not_exists(pk)`, which holds.
 * Same items, same sizes, same index writes, same transaction; nothing of the product's data changes.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CapturedCall } from './dynamo-meter.ts';

export type Wave = CapturedCall[];

/** Groups the calls of one request into waves of calls that ran at the same time. */
export function wavesOf(calls: readonly CapturedCall[]): Wave[] {
  const waves: Wave[] = [];
  let waveEnd = -1;
  for (const call of [...calls].sort((a, b) => a.startedAt - b.startedAt)) {
    const current = waves.at(-1);
    if (current && call.startedAt < waveEnd) {
      current.push(call);
      waveEnd = Math.max(waveEnd, call.endedAt);
    } else {
      waves.push([call]);
      waveEnd = call.endedAt;
    }
  }
  return waves;
}

const KEY_ATTRIBUTES = ['pk', 'gsi1pk', 'gsi2pk', 'gsi3pk'];
const WRITES = new Set(['PutCommand', 'UpdateCommand', 'DeleteCommand', 'TransactWriteCommand']);

let replayCounter = 0;

function prefixKeys(record: Record<string, unknown> | undefined, prefix: string) {
  if (!record) return record;
  const copy = { ...record };
  for (const name of KEY_ATTRIBUTES)
    if (typeof copy[name] === 'string') copy[name] = `${prefix}${copy[name]}`;
  return copy;
}

/** Keeps only the placeholders the remaining expressions still use (DynamoDB refuses unused ones). */
function pruneExpressionValues(operation: Record<string, unknown>) {
  const expressions = ['UpdateExpression', 'ConditionExpression', 'ProjectionExpression']
    .map((name) => operation[name])
    .filter((e): e is string => typeof e === 'string')
    .join(' ');
  for (const [field, sigil] of [
    ['ExpressionAttributeValues', ':'],
    ['ExpressionAttributeNames', '#'],
  ] as const) {
    const map = operation[field] as Record<string, unknown> | undefined;
    if (!map) continue;
    const kept = Object.fromEntries(
      Object.entries(map).filter(([placeholder]) =>
        new RegExp(`${sigil === ':' ? ':' : '#'}${placeholder.slice(1)}(?![A-Za-z0-9_])`).test(expressions),
      ),
    );
    if (Object.keys(kept).length) operation[field] = kept;
    else delete operation[field];
  }
}

/** One write operation (a Put, Update, Delete or ConditionCheck), moved to fresh keys. */
function freshWrite(kind: string, operation: Record<string, unknown>, prefix: string) {
  const copy: Record<string, unknown> = { ...operation };
  if (kind === 'Put') copy.Item = prefixKeys(copy.Item as Record<string, unknown>, prefix);
  else copy.Key = prefixKeys(copy.Key as Record<string, unknown>, prefix);
  if (kind === 'Delete') delete copy.ConditionExpression;
  else copy.ConditionExpression = 'attribute_not_exists(pk)';
  pruneExpressionValues(copy);
  return copy;
}

/** The input to send again: reads as they were, writes moved to fresh keys. */
export function replayInput(call: CapturedCall): Record<string, unknown> {
  const input: Record<string, unknown> = { ...structuredClone(call.input), ReturnConsumedCapacity: 'TOTAL' };
  if (!WRITES.has(call.name)) return input;
  replayCounter += 1;
  const prefix = `BENCH-RAW#${replayCounter}#`;
  if (call.name === 'TransactWriteCommand') {
    const items = input.TransactItems as Record<string, Record<string, unknown>>[];
    input.TransactItems = items.map((item) =>
      Object.fromEntries(
        Object.entries(item).map(([kind, operation]) => [kind, freshWrite(kind, operation, prefix)]),
      ),
    );
    return input;
  }
  const kind = call.name.replace('Command', '');
  return freshWrite(kind, input, prefix);
}

/**
 * One replay of a request's calls, built ahead (inputs copied, writes moved to fresh keys) so that
 * the timed part is the sending alone. Call the answer once; it sends wave after wave.
 */
export function prepareReplay(client: DynamoDBDocumentClient, waves: readonly Wave[]): () => Promise<void> {
  type Command = Parameters<typeof client.send>[0];
  const prepared = waves.map((wave) =>
    wave.map((call) => new call.command(replayInput(call) as never) as Command),
  );
  return async () => {
    for (const wave of prepared) await Promise.all(wave.map((command) => client.send(command)));
  };
}

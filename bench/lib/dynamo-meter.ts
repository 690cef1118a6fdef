/**
 * Instruments the product's own DynamoDB client (functions/lib/aws.ts) in this process, without
 * changing product code:
 * - a middleware asks for ReturnConsumedCapacity TOTAL on every command and sums the answers
 *   (read and write request units, as on-demand billing counts them);
 * - `capture` records every command a piece of work sends (its input and when it ran), so that the
 *   benchmark can replay exactly those calls with the bare SDK and compare.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const READS = new Set([
  'GetItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'TransactGetItemsCommand',
]);

export interface CapacityTotals {
  calls: number;
  readUnits: number;
  writeUnits: number;
  byCommand: Record<string, { calls: number; units: number }>;
}

export interface CapturedCall {
  /** The document client's command class, to send the same command again. */
  command: new (
    input: never,
  ) => unknown;
  name: string;
  input: Record<string, unknown>;
  startedAt: number;
  endedAt: number;
}

export interface DynamoMeter {
  reset(): void;
  totals(): CapacityTotals;
  /** Runs `work` and answers the DynamoDB calls made meanwhile (meant for one request at a time). */
  capture<T>(work: () => Promise<T>): Promise<{ result: T; calls: CapturedCall[] }>;
  /** Calls `listener` after every call (input not copied: read it, do not keep it); answers a stop function. */
  observe(listener: (call: Omit<CapturedCall, 'command'>) => void): () => void;
}

/** The read the local runtime makes after each write (local/servers/dynamodb-local.ts). */
const isLocalCommitWait = (input: Record<string, unknown>) => {
  const key = input.Key as { pk?: unknown; sk?: unknown } | undefined;
  return key?.pk === 'HEALTH' && key.sk === 'HEALTH' && input.ConsistentRead === true;
};

type Units = { CapacityUnits?: number } | { CapacityUnits?: number }[] | undefined;

const sumUnits = (consumed: Units) =>
  (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []).reduce(
    (sum, c) => sum + (c.CapacityUnits ?? 0),
    0,
  );

export function installDynamoMeter(client: DynamoDBDocumentClient): DynamoMeter {
  let totals: CapacityTotals = { calls: 0, readUnits: 0, writeUnits: 0, byCommand: {} };
  let captured: CapturedCall[] | undefined;
  const listeners = new Set<(call: Omit<CapturedCall, 'command'>) => void>();

  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      // The local runtime's read after each write (awaitLocalCommits: it waits for DynamoDB Local's
      // commit) is no request of the product's on AWS: it costs nothing there.
      if (isLocalCommitWait(input)) return next(args);
      input.ReturnConsumedCapacity = 'TOTAL';
      const answer = await next(args);
      const units = sumUnits((answer.output as { ConsumedCapacity?: Units }).ConsumedCapacity);
      const name = context.commandName ?? 'unknown';
      totals.calls += 1;
      if (READS.has(name)) totals.readUnits += units;
      else totals.writeUnits += units;
      totals.byCommand[name] ??= { calls: 0, units: 0 };
      const entry = totals.byCommand[name];
      entry.calls += 1;
      entry.units += units;
      return answer;
    },
    { step: 'initialize', name: 'benchConsumedCapacity', override: true },
  );

  const send = client.send.bind(client) as (command: unknown) => Promise<unknown>;
  (client as { send: unknown }).send = async (command: { input: Record<string, unknown> }) => {
    if (!captured && listeners.size === 0) return send(command);
    const call: CapturedCall = {
      command: command.constructor as CapturedCall['command'],
      name: command.constructor.name,
      input: captured ? structuredClone(command.input) : command.input,
      startedAt: performance.now(),
      endedAt: 0,
    };
    captured?.push(call);
    try {
      return await send(command);
    } finally {
      call.endedAt = performance.now();
      for (const listener of listeners) listener(call);
    }
  };

  return {
    reset() {
      totals = { calls: 0, readUnits: 0, writeUnits: 0, byCommand: {} };
    },
    totals: () => structuredClone(totals),
    observe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async capture(work) {
      captured = [];
      try {
        const result = await work();
        return { result, calls: captured };
      } finally {
        captured = undefined;
      }
    },
  };
}

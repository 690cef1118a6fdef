import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, describe, expect, it } from 'vitest';
import { type LocalQueue, startLocalQueue } from '../../local/servers/sqs-local.ts';

// The local queue with a journal is durable, as SQS is: what was sent and not handled before the
// process died is delivered again after the restart; what was handled is not.
const folder = mkdtempSync(join(tmpdir(), 'ilo-queue-'));
const journalFile = join(folder, 'queue.jsonl');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function send(queue: LocalQueue, bodies: string[]) {
  const client = new SQSClient({
    endpoint: queue.endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await client.send(
    new SendMessageBatchCommand({
      QueueUrl: queue.url,
      Entries: bodies.map((body, i) => ({ Id: String(i), MessageBody: body })),
    }),
  );
  client.destroy();
}

describe('the local queue with a journal', () => {
  it('delivers again, after a restart, every message that was sent and not handled', async () => {
    const handled: string[] = [];
    // First life: 'a' is handled; 'b' is in the consumer when the process dies (it never returns).
    const first = await startLocalQueue({
      name: 'durable',
      journalFile,
      consumer: async (event: SQSEvent) => {
        const body = event.Records[0]?.body ?? '';
        if (body === 'b') await new Promise(() => {});
        handled.push(body);
        return { batchItemFailures: [] };
      },
    });
    first.start();
    await send(first, ['a']);
    await first.idle();
    await send(first, ['b']);
    await expect.poll(() => readFileSync(journalFile, 'utf8')).toMatch(/"received"[^\n]*\n?$/);
    await first.stop();
    expect(handled).toEqual(['a']);

    // Second life on the same journal: 'b' again, with its first receive counted.
    const receives: string[] = [];
    const second = await startLocalQueue({
      name: 'durable',
      journalFile,
      consumer: async (event: SQSEvent) => {
        for (const record of event.Records) {
          handled.push(record.body);
          receives.push(record.attributes.ApproximateReceiveCount);
        }
        return { batchItemFailures: [] };
      },
    });
    second.start();
    await second.idle();
    await second.stop();
    expect(handled).toEqual(['a', 'b']);
    expect(receives).toEqual(['2']);

    // Third life: nothing is left over.
    const third = await startLocalQueue({
      name: 'durable',
      journalFile,
      consumer: async () => {
        throw new Error('nothing should be delivered');
      },
    });
    third.start();
    await third.idle();
    await third.stop();
    expect(readFileSync(journalFile, 'utf8')).toBe('');
  });
});

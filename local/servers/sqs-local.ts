/**
 * The local stand-in for one SQS queue and its Lambda event source mapping: it answers the SQS API
 * calls the functions make (SendMessage, SendMessageBatch; AWS JSON 1.0 protocol, as the SDK speaks
 * it), then delivers the messages to the consumer handler in SQS-shaped events, in batches of up to
 * ten, retrying the items the handler reports as failed (partial batch responses) and moving a
 * message to the dead-letter list after `maxReceiveCount` receives, as a redrive policy would.
 *
 * With a journal file the queue is durable, as SQS is: a message is written to the journal before
 * its SendMessage is acknowledged, and its receives and its end (handled, or dead-lettered) after;
 * a restart after a crash redelivers every message that had not ended.
 */
import { createHash, randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

interface QueuedMessage {
  messageId: string;
  body: string;
  sentAt: number;
  receiveCount: number;
  firstReceivedAt?: number;
  notBefore: number;
}

export interface LocalQueue {
  url: string;
  endpoint: string;
  deadLetters: QueuedMessage[];
  /** Resolves once every message sent so far has been delivered or dead-lettered. */
  idle(): Promise<void>;
  /** Starts delivering (once the consumer's table exists); messages sent or recovered before wait. */
  start(): void;
  stop(): Promise<void>;
}

export interface LocalQueueOptions {
  name: string;
  consumer: (event: SQSEvent) => Promise<SQSBatchResponse | undefined>;
  maxReceiveCount?: number;
  /**
   * Batches delivered at once, as the event source runs several invocations (2 by default). Without
   * a bound, every message sent during a delivery started one more: a close's hundred reports then
   * rendered all at once in one process, slower in all and with three times the memory.
   */
  concurrency?: number;
  /** Delay before a failed message is visible again. */
  retryDelayMs?: number;
  /** Dead letters are appended to this file, one JSON line each. */
  deadLetterFile?: string;
  /** Keeps the queue across restarts (one JSON line per send, receive and end of a message). */
  journalFile?: string;
  log?: (line: string) => void;
}

type JournalEntry =
  | { sent: Pick<QueuedMessage, 'messageId' | 'body' | 'sentAt'> }
  | { received: string }
  | { ended: string };

/**
 * The messages a journal holds that had not ended, with their receive counts; the journal is then
 * rewritten with only those (atomically: a new file renamed over the old).
 */
function recoverJournal(file: string): QueuedMessage[] {
  const pending = new Map<string, QueuedMessage>();
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      let entry: JournalEntry;
      try {
        entry = JSON.parse(line) as JournalEntry;
      } catch {
        continue; // empty, or cut short by the crash (never acknowledged, so nothing is lost)
      }
      if ('sent' in entry)
        pending.set(entry.sent.messageId, { ...entry.sent, receiveCount: 0, notBefore: 0 });
      else if ('received' in entry) {
        const message = pending.get(entry.received);
        if (message) message.receiveCount += 1;
      } else if ('ended' in entry) pending.delete(entry.ended);
    }
  }
  const lines = [...pending.values()].flatMap(({ messageId, body, sentAt, receiveCount }) => [
    JSON.stringify({ sent: { messageId, body, sentAt } }),
    ...Array.from({ length: receiveCount }, () => JSON.stringify({ received: messageId })),
  ]);
  writeFileSync(`${file}.tmp`, lines.map((line) => `${line}\n`).join(''));
  renameSync(`${file}.tmp`, file);
  return [...pending.values()];
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

export async function startLocalQueue(options: LocalQueueOptions): Promise<LocalQueue> {
  const maxReceiveCount = options.maxReceiveCount ?? 3;
  const concurrency = options.concurrency ?? 2;
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const journal = (entry: JournalEntry) => {
    // Synchronous: on disk (in the OS's hands) before the sender is answered or the next step runs.
    if (options.journalFile) appendFileSync(options.journalFile, `${JSON.stringify(entry)}\n`);
  };
  const queue: QueuedMessage[] = options.journalFile ? recoverJournal(options.journalFile) : [];
  if (queue.length > 0)
    options.log?.(
      `queue ${options.name}: ${queue.length} message(s) not yet handled before the restart, delivered again`,
    );
  const deadLetters: QueuedMessage[] = [];
  let inFlight = 0;
  let deliveries = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let started = false;
  let waiters: (() => void)[] = [];
  const arn = `arn:aws:sqs:eu-west-1:000000000000:${options.name}`;

  const settleIfIdle = () => {
    if (queue.length === 0 && inFlight === 0) {
      for (const resolve of waiters) resolve();
      waiters = [];
    }
  };

  const record = (message: QueuedMessage): SQSRecord => ({
    messageId: message.messageId,
    receiptHandle: randomUUID(),
    body: message.body,
    attributes: {
      ApproximateReceiveCount: String(message.receiveCount),
      SentTimestamp: String(message.sentAt),
      SenderId: 'LOCAL',
      ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt ?? Date.now()),
    },
    messageAttributes: {},
    md5OfBody: md5(message.body),
    eventSource: 'aws:sqs',
    eventSourceARN: arn,
    awsRegion: 'eu-west-1',
  });

  const pump = async () => {
    timer = undefined;
    // A delivery that ends schedules the next pump.
    if (stopped || deliveries >= concurrency) return;
    const now = Date.now();
    const ready = queue.filter((m) => m.notBefore <= now).slice(0, 10);
    if (ready.length === 0) {
      const next = Math.min(...queue.map((m) => m.notBefore));
      if (Number.isFinite(next)) timer = setTimeout(() => void pump(), next - now);
      settleIfIdle();
      return;
    }
    for (const message of ready) {
      queue.splice(queue.indexOf(message), 1);
      message.receiveCount += 1;
      message.firstReceivedAt ??= now;
      journal({ received: message.messageId });
    }
    inFlight += ready.length;
    deliveries += 1;
    // More batches may start beside this one, up to the bound.
    schedule();
    let failed = new Set<string>();
    try {
      const response = await options.consumer({ Records: ready.map(record) });
      failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch (error) {
      // A handler that throws fails the whole batch, as with Lambda.
      failed = new Set(ready.map((m) => m.messageId));
      options.log?.(
        `queue ${options.name}: consumer failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    inFlight -= ready.length;
    deliveries -= 1;
    // Stopped during the delivery (its worker ended with it): the journal keeps the messages
    // pending, so that a restart delivers them again, as SQS would after the visibility timeout.
    if (stopped) return;
    for (const message of ready.filter((m) => !failed.has(m.messageId)))
      journal({ ended: message.messageId });
    for (const message of ready.filter((m) => failed.has(m.messageId))) {
      if (message.receiveCount >= maxReceiveCount) {
        deadLetters.push(message);
        if (options.deadLetterFile)
          appendFileSync(
            options.deadLetterFile,
            `${JSON.stringify({ ...message, deadAt: new Date().toISOString() })}\n`,
          );
        journal({ ended: message.messageId });
        options.log?.(
          `queue ${options.name}: message ${message.messageId} moved to the dead letters after ${message.receiveCount} receives`,
        );
      } else {
        queue.push({ ...message, notBefore: Date.now() + retryDelayMs * message.receiveCount });
      }
    }
    schedule();
  };

  const schedule = () => {
    if (!timer && started && !stopped) timer = setTimeout(() => void pump(), 0);
  };

  const enqueue = (body: string): QueuedMessage => {
    const message: QueuedMessage = {
      messageId: randomUUID(),
      body,
      sentAt: Date.now(),
      receiveCount: 0,
      notBefore: Date.now(),
    };
    journal({ sent: { messageId: message.messageId, body, sentAt: message.sentAt } });
    queue.push(message);
    schedule();
    return message;
  };

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const target = String(request.headers['x-amz-target'] ?? '');
      const input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
        MessageBody?: string;
        Entries?: { Id: string; MessageBody: string }[];
      };
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
        response.end(JSON.stringify(body));
      };
      if (target === 'AmazonSQS.SendMessage' && input.MessageBody !== undefined) {
        const message = enqueue(input.MessageBody);
        return reply(200, { MessageId: message.messageId, MD5OfMessageBody: md5(message.body) });
      }
      if (target === 'AmazonSQS.SendMessageBatch' && input.Entries) {
        const Successful = input.Entries.map((entry) => {
          const message = enqueue(entry.MessageBody);
          return { Id: entry.Id, MessageId: message.messageId, MD5OfMessageBody: md5(entry.MessageBody) };
        });
        return reply(200, { Successful, Failed: [] });
      }
      reply(400, {
        __type: 'com.amazonaws.sqs#UnsupportedOperation',
        message: `The local queue does not serve ${target}`,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    url: `${endpoint}/000000000000/${options.name}`,
    deadLetters,
    idle: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        settleIfIdle();
      }),
    start: () => {
      started = true;
      schedule();
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

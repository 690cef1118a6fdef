/**
 * The semester close and the report generation of every network: the scheduled close job runs as
 * EventBridge would call it just after the boundary, the local queue delivers one message per
 * network to the generator handler, and the clock stops when the queue is idle and every network's
 * report is recorded. Per report: from taking its lease to recording its version.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { ReportRepository } from '#functions/reports/report-repository.ts';
import { networksWithMembers } from '#functions/reports/report-service.ts';
import { semester } from '#shared/semesters.ts';
import type { LocalQueue } from '../local/servers/sqs-local.ts';
import type { DynamoMeter } from './lib/dynamo-meter.ts';
import { type LatencySummary, summarise } from './lib/stats.ts';

export interface CloseMeasurement {
  semester: string;
  networks: number;
  reports: number;
  totalSeconds: number;
  perReport: LatencySummary;
  peakRssBytes: number;
  /** The process's RSS when the close began (the data set's writing and the API benchmark before it). */
  startRssBytes: number;
  readUnits: number;
  writeUnits: number;
  s3Puts: number;
  s3Bytes: number;
  deadLetters: number;
}

/** Counts the objects the generator uploads (PutObject) and their bytes, on the product's S3 client. */
function countUploads(client: S3Client) {
  const counts = { puts: 0, bytes: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'PutObjectCommand') {
        const body = (args.input as { Body?: unknown }).Body;
        counts.puts += 1;
        counts.bytes += typeof body === 'string' ? Buffer.byteLength(body) : ((body as Buffer)?.length ?? 0);
      }
      return next(args);
    },
    { step: 'initialize', name: 'benchUploads', override: true },
  );
  return counts;
}

export async function benchClose(context: {
  semesterId: string;
  meter: DynamoMeter;
  s3: S3Client;
  reportQueue: LocalQueue;
  progress(line: string): void;
}): Promise<CloseMeasurement> {
  const { semesterId, meter } = context;
  const expected = await networksWithMembers(semesterId);
  const uploads = countUploads(context.s3);
  const leaseTaken = new Map<string, number>();
  const recorded = new Map<string, number>();
  const prefix = `REPORT#${semesterId}#`;
  const stopObserving = meter.observe((call) => {
    if (call.name === 'PutCommand') {
      const item = call.input.Item as { pk?: string; sk?: string } | undefined;
      if (item?.pk?.startsWith(prefix) && item.sk === 'GENERATION') {
        leaseTaken.set(item.pk.slice(prefix.length), call.startedAt);
      }
    }
    if (call.name === 'TransactWriteCommand') {
      for (const entry of call.input.TransactItems as { Put?: { Item?: { pk?: string; sk?: string } } }[]) {
        const item = entry.Put?.Item;
        if (item?.pk?.startsWith(prefix) && item.sk?.startsWith('V#')) {
          recorded.set(item.pk.slice(prefix.length), call.endedAt);
        }
      }
    }
  });
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 25);
  meter.reset();
  const started = performance.now();
  let reported = Date.now();
  const ticker = setInterval(() => {
    if (Date.now() - reported >= 10_000) {
      reported = Date.now();
      context.progress(
        `  ${recorded.size}/${expected.length} reports after ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
    }
  }, 1000);
  try {
    const { handler: closeSemesters } = await import('#functions/handlers/close-semesters.ts');
    // As the schedule calls it, five minutes after the boundary (the job reads "now" from `time`).
    const time = new Date(Date.parse(semester(semesterId).endsAt) + 5 * 60_000).toISOString();
    const { closed } = await closeSemesters({ time });
    if (!closed.includes(semesterId))
      throw new Error(`the close job did not close ${semesterId} (closed: ${closed})`);
    await context.reportQueue.idle();
  } finally {
    clearInterval(sampler);
    clearInterval(ticker);
    stopObserving();
  }
  const totalSeconds = (performance.now() - started) / 1000;
  const totals = meter.totals();
  const records = await ReportRepository.forSemester(semesterId);
  const missing = expected.filter((networkId) => !records.some((r) => r.networkId === networkId));
  if (missing.length)
    throw new Error(`no report for ${missing.length} networks: ${missing.slice(0, 10).join(', ')}`);
  const durations = [...recorded.entries()].map(
    ([networkId, end]) => end - (leaseTaken.get(networkId) ?? end),
  );
  return {
    semester: semesterId,
    networks: expected.length,
    reports: records.length,
    totalSeconds,
    perReport: summarise(durations, totalSeconds * 1000),
    peakRssBytes: peakRss,
    startRssBytes: startRss,
    readUnits: totals.readUnits,
    writeUnits: totals.writeUnits,
    s3Puts: uploads.puts,
    s3Bytes: uploads.bytes,
    deadLetters: context.reportQueue.deadLetters.length,
  };
}

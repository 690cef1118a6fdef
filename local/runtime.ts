import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import type { SQSBatchResponse } from 'aws-lambda';
import { createLocalApiServer } from './api-adapter.ts';
import { createDevTokenService } from './dev-auth.ts';
import { ensureBucket, ensureTable } from './provision.ts';
import { awaitLocalCommits, type RunningServer, startDynamoDbLocal } from './servers/dynamodb-local.ts';
import { S3RVER_CREDENTIALS, startS3Local } from './servers/s3-local.ts';
import { type LocalQueue, startLocalQueue } from './servers/sqs-local.ts';
import type { WebRuntimeConfig } from './static-web.ts';
import { createWorkerPool, type WorkerPool } from './workers/worker-pool.ts';

export interface BackingServices {
  dynamoEndpoint: string;
  s3Endpoint: string;
  stop(): Promise<void>;
}

/** DynamoDB Local and s3rver. With `dataDir` the data is kept on disk; without, DynamoDB is in memory. */
export async function startBackingServices(options: {
  dataDir?: string;
  s3Dir: string;
}): Promise<BackingServices> {
  const started: RunningServer[] = [];
  try {
    const [dynamo, s3] = await Promise.all([
      startDynamoDbLocal(options.dataDir ? { dataDir: join(options.dataDir, 'dynamodb') } : {}).then((s) => {
        started.push(s);
        return s;
      }),
      startS3Local({ dataDir: options.s3Dir }).then((s) => {
        started.push(s);
        return s;
      }),
    ]);
    return {
      dynamoEndpoint: dynamo.endpoint,
      s3Endpoint: s3.endpoint,
      stop: async () => {
        await Promise.all(started.map((s) => s.stop()));
      },
    };
  } catch (error) {
    await Promise.all(started.map((s) => s.stop()));
    throw error;
  }
}

export interface LocalAppOptions {
  services: Pick<BackingServices, 'dynamoEndpoint' | 's3Endpoint'>;
  tableName: string;
  bucket: string;
  /** Where the dev-login signing key is kept; omitted, the key lives in memory only. */
  keyFile?: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  webDir?: string;
  /** The web app's /config.json; the dev sign-in when omitted. */
  webConfig?: WebRuntimeConfig;
  /** Report-generation messages that exhausted their retries are appended here. */
  deadLetterFile?: string;
  /** Keeps the report queue on disk, so that a restart after a crash delivers what was not handled. */
  queueJournalFile?: string;
  /**
   * Report batches generated at once, each in its own worker thread, as Lambda runs each invocation
   * in its own execution environment (the machine's cores by default). 0 generates in this thread,
   * two batches at a time: for tests that intercept the generator's SDK clients.
   */
  reportWorkers?: number;
  log?: (line: string) => void;
}

export interface LocalApp {
  baseUrl: string;
  /** The report-generation queue's stand-in (delivery to the generator, retries, dead letters). */
  reportQueue: LocalQueue;
  /** The worker threads that generate reports (0: in the main thread). */
  reportWorkers: number;
  stop(): Promise<void>;
}

/**
 * Configures the handlers exactly as the stack does (table and bucket names, plus the local
 * endpoints), creates the table and bucket if absent, seeds reference data and serves the API.
 */
export async function startLocalApp(options: LocalAppOptions): Promise<LocalApp> {
  Object.assign(process.env, {
    TABLE_NAME: options.tableName,
    REPORTS_BUCKET: options.bucket,
    DYNAMODB_ENDPOINT: options.services.dynamoEndpoint,
    S3_ENDPOINT: options.services.s3Endpoint,
    AWS_REGION: process.env.AWS_REGION ?? 'eu-west-1',
    // s3rver accepts only this key pair; DynamoDB Local (shared database) accepts any.
    AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
  });
  // The report queue: the same generator handler the stack's SQS event source invokes.
  const workers = options.reportWorkers ?? availableParallelism();
  let reportWorkers: WorkerPool | undefined;
  const reportQueue = await startLocalQueue({
    name: 'report-generation',
    consumer: async (event) =>
      reportWorkers
        ? ((await reportWorkers.invoke(event)) as SQSBatchResponse)
        : (await import('#functions/handlers/generate-reports.ts')).handler(event),
    ...(workers > 0 ? { concurrency: workers } : {}),
    ...(options.deadLetterFile ? { deadLetterFile: options.deadLetterFile } : {}),
    ...(options.queueJournalFile ? { journalFile: options.queueJournalFile } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  Object.assign(process.env, { REPORT_QUEUE_URL: reportQueue.url, SQS_ENDPOINT: reportQueue.endpoint });
  if (workers > 0)
    reportWorkers = createWorkerPool({
      name: 'report-generation',
      handlerModule: '#functions/handlers/generate-reports.ts',
      size: workers,
      ...(options.log ? { log: options.log } : {}),
    });
  // Configuration is complete: the handlers' client may be created now.
  const { dynamo } = await import('#functions/lib/aws.ts');
  awaitLocalCommits(dynamo(), options.tableName);
  await provision(options);
  const { handler: seedReference } = await import('#functions/handlers/seed-reference.ts');
  await seedReference();
  reportQueue.start();

  const tokens = await createDevTokenService(options.keyFile ? { keyFile: options.keyFile } : {});
  const server = createLocalApiServer({
    tokens,
    ...(options.webDir ? { webDir: options.webDir } : {}),
    ...(options.webConfig ? { webConfig: options.webConfig } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://${host}:${port}`,
    reportQueue,
    reportWorkers: workers,
    stop: async () => {
      await reportQueue.stop();
      await reportWorkers?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

async function provision(options: LocalAppOptions): Promise<void> {
  const region = process.env.AWS_REGION ?? 'eu-west-1';
  const dynamo = new DynamoDBClient({ endpoint: options.services.dynamoEndpoint, region });
  const s3 = new S3Client({
    endpoint: options.services.s3Endpoint,
    region,
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  try {
    await Promise.all([ensureTable(dynamo, options.tableName), ensureBucket(s3, options.bucket)]);
  } finally {
    dynamo.destroy();
    s3.destroy();
  }
}

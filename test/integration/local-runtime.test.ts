import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../local/servers/ports.ts';

// `npm start` itself, as a person runs it: a real process with its data on disk.
const root = fileURLToPath(new URL('../..', import.meta.url));
let dataDir: string;

interface Running {
  child: ChildProcess;
  output: () => string;
  baseUrl: string;
}

function launch(port: number, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function startProduct(): Promise<Running> {
  const port = await freePort();
  const { child, output } = launch(port);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited: ${output()}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    // Ready for this test once the health check answers and the jobs have run once (demo data written).
    if (ok && /job close-semesters/.test(output())) return { child, output, baseUrl };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`npm start did not answer /api/health and run its start-up jobs within 90 s: ${output()}`);
}

async function interrupt(running: Running): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => running.child.on('exit', (code) => resolve(code)));
  running.child.kill('SIGINT');
  return exited;
}

/** Processes whose command line mentions the data folder: DynamoDB Local's java and s3rver. */
function processesUsing(folder: string): string[] {
  try {
    return execFileSync('pgrep', ['-af', folder], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

async function waitForNoProcessesUsing(folder: string): Promise<string[]> {
  for (let i = 0; i < 50; i++) {
    const left = processesUsing(folder);
    if (left.length === 0) return left;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return processesUsing(folder);
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'ilo-start-'));
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start (local/start.ts)', () => {
  // Two full starts, the first writing the demo data: generous on a busy machine.
  it('keeps data and sign-in keys across a restart, and Ctrl-C leaves no process behind', {
    timeout: 240_000,
  }, async () => {
    const first = await startProduct();
    expect(first.output()).toContain('/api');
    expect(first.output()).toContain('DE editor');
    const login = await fetch(`${first.baseUrl}/api/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organisation: 'DE', role: 'editor' }),
    }).then((r) => r.json() as Promise<{ token: string }>);

    // A correction to the stored Presidency calendar: written before the restart, and not undone by
    // the seed that runs at every start.
    expect(processesUsing(join(dataDir, 'dynamodb')).length).toBeGreaterThan(0);
    await correctPresidencyInTheTable(first);

    expect(await interrupt(first)).toBe(0);
    expect(await waitForNoProcessesUsing(dataDir)).toEqual([]);

    const second = await startProduct();
    try {
      const me = await fetch(`${second.baseUrl}/api/me`, {
        headers: { authorization: `Bearer ${login.token}` },
      });
      expect(me.status).toBe(200);
      const reference = await fetch(`${second.baseUrl}/api/reference`, {
        headers: { authorization: `Bearer ${login.token}` },
      }).then((r) => r.json() as Promise<{ semesters: { id: string; presidency: string }[] }>);
      const h1 = reference.semesters.find((s) => s.id === '2030-H1');
      expect(h1?.presidency).toBe('SE');
    } finally {
      expect(await interrupt(second)).toBe(0);
    }
    expect(await waitForNoProcessesUsing(dataDir)).toEqual([]);
  });

  it('says in one line what to do when the port is taken', async () => {
    const blocker = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const { output, exited } = launch(port);
      expect(await exited).toBe(1);
      expect(output().trim()).toBe(
        `Cannot start: Port ${port} is already in use: stop the program using it, or start on another port with PORT=${port + 1} npm start.`,
      );
    } finally {
      blocker.close();
    }
  });

  it('says in one line what to install when Java is missing', async () => {
    const port = await freePort();
    const { output, exited } = launch(port, { PATH: '/nonexistent' });
    expect(await exited).toBe(1);
    expect(output().trim()).toMatch(
      /^Cannot start: Java 17 or newer is needed to run DynamoDB Local: install it/,
    );
    expect(output().trim().split('\n')).toHaveLength(1);
  });
});

/**
 * Writes a correction to the stored calendar the way an operator would today (directly in the
 * table, until the reference-data endpoints exist): 2030-H1 becomes SE instead of SK.
 */
async function correctPresidencyInTheTable(running: Running): Promise<void> {
  const endpoint = /DynamoDB Local at (\S+),/.exec(running.output())?.[1];
  expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  await client.send(
    new UpdateCommand({
      TableName: 'ilo-network',
      Key: { pk: 'SEMESTERS', sk: 'SEMESTER#2030-H1' },
      UpdateExpression: 'SET presidency = :state',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':state': 'SE' },
    }),
  );
  client.destroy();
}

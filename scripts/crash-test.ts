/**
 * `npm run test:crash`: the local runtime (`local/start.ts`, data on disk) killed with SIGKILL, twice.
 *
 * 1. During a burst of writes: after the restart on the same data folder, every write that was
 *    acknowledged (2xx) is there, with its audit entry.
 * 2. During report generation after a semester close: after the restart the generation completes,
 *    every network gets its report, and every recorded version has all its files in S3.
 *
 * The whole process group is killed (the runtime, its watchdogs, DynamoDB Local's java and s3rver),
 * as a power cut of the product would; the script checks that none of them is left behind.
 * Exits 0 and prints `crash test: passed` when every check holds.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { freePort } from '../local/servers/ports.ts';
import { semesterIdAt } from '../shared/semesters.ts';

// This machine runs Node 20 while Lambda runs Node 22; the SDK's notice about that is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'ilo-crash-'));
const started = Date.now();
const log = (line: string) => console.log(`[crash ${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);

class CheckFailed extends Error {}
function check(condition: unknown, what: string): asserts condition {
  if (!condition) throw new CheckFailed(what);
}

interface Runtime {
  child: ChildProcess;
  baseUrl: string;
  s3Endpoint: string;
  output: () => string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The runtimes this script started and has not killed yet (killed on the way out, whatever happens). */
const running = new Set<ChildProcess>();

/** Starts `local/start.ts` in a process group of its own, and waits until its start-up jobs ran. */
async function startRuntime(): Promise<Runtime> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), POWERTOOLS_LOG_LEVEL: 'ERROR' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    check(child.exitCode === null, `the runtime exited at start-up:\n${output}`);
    const healthy = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy && /job close-semesters/.test(output)) {
      const s3Endpoint = /S3 at (\S+)\)/.exec(output)?.[1] ?? '';
      return { child, baseUrl, s3Endpoint, output: () => output };
    }
    await sleep(250);
  }
  throw new CheckFailed(`the runtime did not start within 120 s:\n${output}`);
}

/** Processes whose command line names the data folder: DynamoDB Local's java, s3rver, the runtime. */
function processesUsingDataDir(): string[] {
  try {
    return execFileSync('pgrep', ['-af', dataDir], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

/** SIGKILL to the whole process group, then waits until no process of it is left. */
async function killGroup(runtime: Runtime): Promise<void> {
  process.kill(-(runtime.child.pid as number), 'SIGKILL');
  await waitGone(runtime);
}

async function waitGone(runtime: Runtime): Promise<void> {
  if (runtime.child.exitCode === null && runtime.child.signalCode === null)
    await new Promise((resolve) => runtime.child.once('exit', resolve));
  running.delete(runtime.child);
  for (let i = 0; i < 100 && processesUsingDataDir().length > 0; i++) await sleep(100);
  check(processesUsingDataDir().length === 0, `processes left after SIGKILL: ${processesUsingDataDir()}`);
}

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the script reads whatever the API answered.
  json: any;
}

function client(runtime: Runtime) {
  const call = async (method: string, path: string, token?: string, body?: unknown): Promise<Answer> => {
    const response = await fetch(`${runtime.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined };
  };
  const login = async (organisation: string, role: string): Promise<string> =>
    (await call('POST', '/api/dev/login', undefined, { organisation, role })).json.token;
  return { call, login };
}

// ---- 1. a burst of writes ----------------------------------------------------------------------

interface Acknowledged {
  state: string;
  secondmentId: string;
  /** The last version whose write was answered 2xx. */
  version: number;
  activityIds: string[];
}

const BURST_STATES = ['DE', 'FR', 'NL', 'IT', 'ES', 'PL', 'SE', 'AT'];
const KILL_AFTER_WRITES = 60;
const today = new Date().toISOString().slice(0, 10);

/**
 * Writers, one per state, each creating, notifying and recording, until the process dies: it is
 * killed the moment the `killAfter`-th write is answered, when the writes answered an instant before
 * are the most at risk. Answers other than the expected success are collected (none is expected).
 */
async function burst(
  runtime: Runtime,
  acknowledged: Acknowledged[],
  killAfter: number,
  unexpected: string[],
) {
  const { call, login } = client(runtime);
  let writes = 0;
  let killed = false;
  const acknowledge = () => {
    writes += 1;
    if (writes === killAfter) {
      killed = true;
      process.kill(-(runtime.child.pid as number), 'SIGKILL');
    }
  };
  const expectStatus = (answer: Answer, status: number, what: string) => {
    if (answer.status === status) return;
    unexpected.push(`${what} answered ${answer.status}: ${JSON.stringify(answer.json)}`);
    throw new CheckFailed(what);
  };
  const writer = async (state: string) => {
    const token = await login(state, 'editor');
    for (let round = 0; !killed; round++) {
      const created = await call('POST', '/api/secondments', token, {
        hostCountry: 'MA',
        post: { city: `Rabat ${round}`, mission: 'embassy' },
        authority: 'Border police',
        officer: { name: `Officer ${state} ${round}` },
        startDate: '2025-01-15',
        tasks: ['flows'],
      });
      expectStatus(created, 201, 'a create');
      const entry: Acknowledged = { state, secondmentId: created.json.id, version: 1, activityIds: [] };
      acknowledged.push(entry);
      acknowledge();
      const notified = await call('POST', `/api/secondments/${entry.secondmentId}/notify`, token, {
        version: 1,
      });
      expectStatus(notified, 200, 'a notification');
      entry.version = 2;
      acknowledge();
      const meeting = await call('POST', '/api/networks/MA/meetings', token, {
        date: today,
        convenedBy: state,
        participants: [state],
        commissionPresent: true,
        ebcgPresent: true,
        topics: ['Routes'],
        summary: `Meeting ${round} of ${state}`,
      });
      expectStatus(meeting, 201, 'a meeting');
      entry.activityIds.push(meeting.json.id);
      acknowledge();
    }
  };
  // Writes cut off by the kill get no answer: they were not acknowledged, so they are not counted.
  await Promise.allSettled(BURST_STATES.map(writer));
  return writes;
}

async function crashDuringWrites(): Promise<void> {
  const runtime = await startRuntime();
  log(`started with demo data at ${runtime.baseUrl}`);
  const acknowledged: Acknowledged[] = [];
  const unexpected: string[] = [];
  const writes = await burst(runtime, acknowledged, KILL_AFTER_WRITES, unexpected);
  await waitGone(runtime);
  check(unexpected.length === 0, `unexpected answers during the burst: ${unexpected.join('; ')}`);
  log(
    `SIGKILL during a burst of writes, as write ${KILL_AFTER_WRITES} was answered (${writes} acknowledged in all)`,
  );

  const restarted = await startRuntime();
  log('restarted on the same data');
  const { call, login } = client(restarted);
  const admin = await login('EC', 'admin');
  const network = await call('GET', '/api/networks/MA', admin);
  const activities = new Set((network.json.activities as { id: string }[]).map((a) => a.id));
  const lost: string[] = [];
  for (const entry of acknowledged) {
    const token = await login(entry.state, 'editor');
    const stored = await call('GET', `/api/secondments/${entry.secondmentId}`, token);
    const trail = await call('GET', `/api/audit?entity=secondment:${entry.secondmentId}`, admin);
    // A write in flight at the kill may have landed unanswered: never less than acknowledged.
    if (stored.status !== 200) lost.push(`secondment ${entry.secondmentId} (${stored.status})`);
    else if (stored.json.version < entry.version)
      lost.push(
        `version ${entry.version} of secondment ${entry.secondmentId} (found ${stored.json.version})`,
      );
    else if (trail.json.items.length !== stored.json.version)
      lost.push(`audit of secondment ${entry.secondmentId} (${trail.json.items.length} entries)`);
    for (const id of entry.activityIds) if (!activities.has(id)) lost.push(`meeting ${id}`);
  }
  check(lost.length === 0, `${lost.length} acknowledged writes are missing: ${lost.join('; ')}`);
  log(`every acknowledged write is there (${acknowledged.length} secondments, their audit, their meetings)`);
  await killGroup(restarted);
}

// ---- 2. report generation ----------------------------------------------------------------------

const REPORT_FILES = ['inputs.json', 'report.docx', 'report.html', 'report.json', 'report.pdf'];

async function crashDuringGeneration(): Promise<void> {
  const runtime = await startRuntime();
  const { call, login } = client(runtime);
  const admin = await login('EC', 'admin');
  const semester = semesterIdAt(new Date());
  const closed = await call('POST', `/api/semesters/${semester}/close`, admin, { force: true });
  check(closed.status === 200, `the close answered ${closed.status}`);
  // Kill once the first report is recorded and others are still to come.
  let progress = { expected: 0, generated: 0 };
  for (let i = 0; i < 400 && progress.generated === 0; i++) {
    progress = (await call('GET', `/api/semesters/${semester}/reports`, admin)).json.progress;
    if (progress.generated === 0) await sleep(25);
  }
  await killGroup(runtime);
  check(progress.expected > 1, 'the close asked for no reports');
  check(
    progress.generated < progress.expected,
    `generation was over before the kill (${progress.generated})`,
  );
  log(
    `SIGKILL during report generation of ${semester}: ${progress.generated} of ${progress.expected} reports recorded`,
  );

  const restarted = await startRuntime();
  const again = client(restarted);
  const adminAgain = await again.login('EC', 'admin');
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    progress = (await again.call('GET', `/api/semesters/${semester}/reports`, adminAgain)).json.progress;
    if (progress.generated === progress.expected) break;
    await sleep(250);
  }
  check(
    progress.generated === progress.expected,
    `generation did not complete after the restart: ${progress.generated} of ${progress.expected}\n${restarted.output()}`,
  );
  log(`generation completed after the restart: ${progress.generated} of ${progress.expected}`);

  // Every recorded version of every report has all of its files, each complete.
  const s3 = new S3Client({
    endpoint: restarted.s3Endpoint,
    region: 'eu-west-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  const reports = (await again.call('GET', `/api/semesters/${semester}/reports`, adminAgain)).json.items as {
    networkId: string;
  }[];
  let files = 0;
  for (const { networkId } of reports) {
    const report = await again.call('GET', `/api/semesters/${semester}/reports/${networkId}`, adminAgain);
    const versions = (report.json.versions as { version: number }[]).map((v) => v.version);
    check(versions.join() === '1', `${networkId}: versions ${versions} after one close`);
    for (const version of versions) {
      const prefix = `reports/${semester}/${networkId}/v${version}/`;
      const listed = await s3.send(
        new ListObjectsV2Command({ Bucket: 'ilo-network-reports', Prefix: prefix }),
      );
      const names = (listed.Contents ?? []).map((o) => (o.Key ?? '').slice(prefix.length)).sort();
      check(names.join() === REPORT_FILES.join(), `${prefix}: files ${names}`);
      for (const name of names) {
        const object = await s3.send(
          new GetObjectCommand({ Bucket: 'ilo-network-reports', Key: prefix + name }),
        );
        const bytes = Buffer.from((await object.Body?.transformToByteArray()) ?? []);
        if (name.endsWith('.json')) JSON.parse(bytes.toString('utf8'));
        if (name.endsWith('.pdf'))
          check(
            bytes.subarray(0, 5).toString() === '%PDF-' && bytes.includes('%%EOF'),
            `${prefix}${name} cut short`,
          );
        if (name.endsWith('.docx'))
          check(bytes.subarray(0, 2).toString() === 'PK', `${prefix}${name} is not a DOCX`);
        if (name.endsWith('.html'))
          check(bytes.toString('utf8').trimEnd().endsWith('</html>'), `${prefix}${name} cut short`);
        files += 1;
      }
    }
  }
  s3.destroy();
  check(
    !/moved to the dead letters/.test(restarted.output()),
    `a report was dead-lettered:\n${restarted.output()}`,
  );
  log(`every recorded version has all its files: ${reports.length} reports, ${files} files`);
  await killGroup(restarted);
}

try {
  await crashDuringWrites();
  await crashDuringGeneration();
  console.log(`crash test: passed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
} catch (error) {
  console.error(`crash test: FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  for (const child of running) if (child.exitCode === null) process.kill(-(child.pid as number), 'SIGKILL');
  await sleep(500);
  for (const line of processesUsingDataDir()) {
    const pid = Number(line.split(' ')[0]);
    if (pid) process.kill(pid, 'SIGKILL');
  }
  rmSync(dataDir, { recursive: true, force: true });
}

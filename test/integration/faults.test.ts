import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as closeSemesters } from '../../functions/handlers/close-semesters.ts';
import { handler as generateReports } from '../../functions/handlers/generate-reports.ts';
import { dynamo, s3, sqs } from '../../functions/lib/aws.ts';
import { brusselsDate, semesterIdAt } from '../../shared/semesters.ts';
import { requiredContributionValues } from '../fixtures/contribution-values.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

// Faults of DynamoDB and S3, injected as SDK middleware under the SDK's retry loop: each attempt
// meets the fault as a real answer from the service would bring it (status, error body), so the
// SDK's own deserialiser, retry strategy and backoff handle it. Transient faults are retried away;
// when retries run out the API answers 503 with Retry-After and nothing partial is stored.
let app: TestApp;
const tokens: Record<string, string> = {};
const people = ['DE:editor', 'DE:coordinator', 'FR:reader', 'EC:admin'];
const today = brusselsDate(new Date());
const LAST_YEAR = `${Number(today.slice(0, 4)) - 1}-03-01`;
const current = semesterIdAt(new Date());

interface FaultResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

const throttled = (): FaultResponse => dynamoError(400, 'ProvisionedThroughputExceededException');

function dynamoError(statusCode: number, type: string, extra: Record<string, unknown> = {}): FaultResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'injected' },
    body: Buffer.from(
      JSON.stringify({
        __type: `com.amazonaws.dynamodb.v20120810#${type}`,
        message: 'Injected fault',
        ...extra,
      }),
    ),
  };
}

const s3Error = (statusCode: number, code: string): FaultResponse => ({
  statusCode,
  headers: { 'content-type': 'application/xml', 'x-amz-request-id': 'injected' },
  body: Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>Injected fault</Message><RequestId>injected</RequestId></Error>`,
  ),
});

interface Injection {
  /** Attempts of the matching command so far, failed or not. */
  attempts: number;
  /** The SDK's own count on each attempt (header amz-sdk-request: `attempt=2; max=4`). */
  attemptHeaders: string[];
  remove(): void;
}
const injections: Injection[] = [];

/**
 * Answers the next `times` attempts of `command` with `fault` instead of sending them. Placed in the
 * deserialize step at low priority: below the deserialiser and inside the retry middleware, where the
 * HTTP handler would be.
 */
function inject(
  client: ReturnType<typeof s3> | ReturnType<typeof dynamo> | ReturnType<typeof sqs>,
  command: string,
  times: number,
  fault: () => FaultResponse | Error,
  matches: (input: Record<string, unknown>) => boolean = () => true,
): Injection {
  const name = `fault-${command}-${injections.length}`;
  let left = times;
  const injection: Injection = {
    attempts: 0,
    attemptHeaders: [],
    remove: () => client.middlewareStack.remove(name),
  };
  // Both clients' stacks take the same middleware; their input types differ only by command.
  (client.middlewareStack as ReturnType<typeof s3>['middlewareStack']).add(
    (next, context) => async (args) => {
      if (context.commandName !== command || !matches(args.input as Record<string, unknown>))
        return next(args);
      injection.attempts += 1;
      const request = args.request as { headers?: Record<string, string> } | undefined;
      injection.attemptHeaders.push(request?.headers?.['amz-sdk-request'] ?? '');
      if (left <= 0) return next(args);
      left -= 1;
      const answer = fault();
      if (answer instanceof Error) throw answer;
      return { response: answer, output: undefined as never };
    },
    { step: 'deserialize', priority: 'low', name },
  );
  injections.push(injection);
  return injection;
}

function secondmentBody(hostCountry = 'TR') {
  return {
    hostCountry,
    post: { city: 'Capital', mission: 'embassy' },
    authority: 'Border police',
    officer: { name: 'Officer Name' },
    startDate: LAST_YEAR,
    tasks: ['flows'],
  };
}

const contributionValues = requiredContributionValues;

const stateSecondments = async () =>
  (await app.call('GET', '/api/secondments?state=DE&limit=100', { token: tokens['DE:editor'] })).json.items;

beforeAll(async () => {
  app = await startTestApp();
  Object.assign(tokens, await app.loginAll(people));
});
afterEach(() => {
  for (const injection of injections.splice(0)) injection.remove();
  vi.restoreAllMocks();
});
afterAll(async () => {
  await app?.stop();
});

describe('DynamoDB throttling', () => {
  it('is retried with backoff: two throttled attempts, then the create lands once', async () => {
    const before = (await stateSecondments()).length;
    const writes = inject(dynamo(), 'TransactWriteItemsCommand', 2, throttled);
    // The jitter fixed at one half: a throttle backs off 1 s x 2^retry x jitter, so 0.5 s then 1 s.
    const jitter = vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const started = Date.now();
    const created = await app
      .call('POST', '/api/secondments', {
        token: tokens['DE:editor'],
        body: secondmentBody(),
      })
      .finally(() => jitter.mockRestore());
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(writes.attemptHeaders).toEqual(['attempt=1; max=4', 'attempt=2; max=4', 'attempt=3; max=4']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect(await stateSecondments()).toHaveLength(before + 1);
    const trail = await app.call('GET', `/api/audit?entity=secondment:${created.json.id}`, {
      token: tokens['EC:admin'],
    });
    expect(trail.json.items.map((e: { action: string }) => e.action)).toEqual(['created']);
  });

  it('answers 503 with Retry-After once retries run out, and stores nothing: no item, no audit, no feed', async () => {
    const before = (await stateSecondments()).length;
    // Small jitter: the backoff is shown above; here only where it ends.
    vi.spyOn(Math, 'random').mockReturnValue(0.05);
    const writes = inject(dynamo(), 'TransactWriteItemsCommand', Number.POSITIVE_INFINITY, throttled);
    const refused = await app.call('POST', '/api/secondments', {
      token: tokens['DE:editor'],
      body: secondmentBody(),
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(refused.json).toEqual({
      error: { code: 'service_unavailable', message: expect.stringMatching(/Try again/) },
    });
    expect(writes.attempts).toBe(4);
    writes.remove();
    expect(await stateSecondments()).toHaveLength(before);

    // A notification (35 items: the secondment, its version, audit, 32 feed entries) fails whole.
    const draft = await app.call('POST', '/api/secondments', {
      token: tokens['DE:editor'],
      body: secondmentBody('GE'),
    });
    expect(draft.status).toBe(201);
    inject(dynamo(), 'TransactWriteItemsCommand', Number.POSITIVE_INFINITY, throttled);
    const notify = await app.call('POST', `/api/secondments/${draft.json.id}/notify`, {
      token: tokens['DE:editor'],
      body: { version: 1 },
    });
    expect(notify.status).toBe(503);
    for (const injection of injections.splice(0)) injection.remove();
    const stored = await app.call('GET', `/api/secondments/${draft.json.id}`, { token: tokens['DE:editor'] });
    expect(stored.json).toMatchObject({ status: 'draft', version: 1 });
    const trail = await app.call('GET', `/api/audit?entity=secondment:${draft.json.id}`, {
      token: tokens['EC:admin'],
    });
    expect(trail.json.items.map((e: { action: string }) => e.action)).toEqual(['created']);
    const feed = await app.call('GET', '/api/feed?limit=100', { token: tokens['FR:reader'] });
    expect(
      feed.json.items.filter((e: { secondment?: { id: string } }) => e.secondment?.id === draft.json.id),
    ).toEqual([]);
    // The same request, now that the table answers, goes through.
    const retried = await app.call('POST', `/api/secondments/${draft.json.id}/notify`, {
      token: tokens['DE:editor'],
      body: { version: 1 },
    });
    expect(retried.status).toBe(200);
  });

  it('answers 503 on reads too, when the table stays unavailable (500s)', async () => {
    const reads = inject(dynamo(), 'QueryCommand', Number.POSITIVE_INFINITY, () =>
      dynamoError(500, 'InternalServerError'),
    );
    const refused = await app.call('GET', '/api/secondments?state=DE', { token: tokens['DE:editor'] });
    expect(refused.status).toBe(503);
    expect(refused.json.error.code).toBe('service_unavailable');
    expect(reads.attempts).toBe(4);
  });

  it('retries a transaction that met another one (TransactionConflict) until it is decided', async () => {
    const writes = inject(dynamo(), 'TransactWriteItemsCommand', 1, () =>
      dynamoError(400, 'TransactionCanceledException', {
        Message:
          'Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict]',
        CancellationReasons: [
          { Code: 'None' },
          { Code: 'TransactionConflict', Message: 'Transaction is ongoing' },
        ],
      }),
    );
    const created = await app.call('POST', '/api/secondments', {
      token: tokens['DE:editor'],
      body: secondmentBody(),
    });
    expect(created.status).toBe(201);
    expect(writes.attempts).toBe(2);
  });
});

describe('S3 unavailable', () => {
  it('is retried while generating a report; when it stays down no version is recorded, then the retry completes', async () => {
    for (const state of ['DE', 'DE']) {
      const created = await app.call('POST', '/api/secondments', {
        token: tokens[`${state}:editor`],
        body: secondmentBody('BF'),
      });
      await app.call('POST', `/api/secondments/${created.json.id}/notify`, {
        token: tokens[`${state}:editor`],
        body: { version: 1 },
      });
    }
    // Down for good for one of the five files: every attempt refused (503, then connection refused).
    // The other four upload: files without a record, which no reader ever reaches.
    let refusals = 0;
    const uploads = inject(
      s3(),
      'PutObjectCommand',
      Number.POSITIVE_INFINITY,
      () =>
        refusals++ % 2
          ? Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9000'), { code: 'ECONNREFUSED' })
          : s3Error(503, 'ServiceUnavailable'),
      (input) => String(input.Key).endsWith('/BF/v1/report.pdf'),
    );
    const closed = await app.call('POST', `/api/semesters/${current}/close`, {
      token: tokens['EC:admin'],
      body: { force: true },
    });
    expect(closed.status).toBe(200);
    await app.reportQueue.idle();
    // Three receives of the message, four attempts of the upload in each.
    expect(uploads.attempts).toBe(3 * 4);
    expect(app.reportQueue.deadLetters.map((m) => JSON.parse(m.body))).toEqual([
      { semester: current, networkId: 'BF' },
    ]);
    const none = await app.call('GET', `/api/semesters/${current}/reports/BF`, { token: tokens['EC:admin'] });
    expect(none.status).toBe(404);
    uploads.remove();

    // S3 answers again, slowly at first: two SlowDowns, retried by the SDK within one generation.
    const slow = inject(s3(), 'PutObjectCommand', 2, () => s3Error(503, 'SlowDown'));
    expect(app.reportQueue.deadLetters).toHaveLength(1);
    const replay = await generateReports({
      Records: app.reportQueue.deadLetters.map((m) => ({
        messageId: m.messageId,
        body: m.body,
      })),
    } as Parameters<typeof generateReports>[0]);
    expect(replay.batchItemFailures).toEqual([]);
    expect(slow.attempts).toBe(5 + 2);
    const report = await app.call('GET', `/api/semesters/${current}/reports/BF`, {
      token: tokens['EC:admin'],
    });
    expect(report.status).toBe(200);
    expect(report.json.versions.map((v: { version: number }) => v.version)).toEqual([1]);
    for (const link of Object.values(report.json.formats) as string[])
      expect((await fetch(link)).status).toBe(200);
  });

  it('answers 503 to a finalisation when S3 stays down, and records no new version', async () => {
    const report = await app.call('GET', `/api/semesters/${current}/reports/BF`, {
      token: tokens['DE:coordinator'],
    });
    expect(report.status).toBe(200);
    inject(s3(), 'PutObjectCommand', Number.POSITIVE_INFINITY, () => s3Error(503, 'ServiceUnavailable'));
    const refused = await app.call('POST', `/api/semesters/${current}/reports/BF/finalise`, {
      token: tokens['DE:coordinator'],
      body: { revision: report.json.revision },
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    for (const injection of injections.splice(0)) injection.remove();
    const after = await app.call('GET', `/api/semesters/${current}/reports/BF`, {
      token: tokens['DE:coordinator'],
    });
    expect(after.json).toMatchObject({ status: 'generated', version: 1 });
    expect(after.json.versions).toHaveLength(1);
    // The lease was released: the finalisation goes through as soon as S3 answers.
    const finalised = await app.call('POST', `/api/semesters/${current}/reports/BF/finalise`, {
      token: tokens['DE:coordinator'],
      body: { revision: report.json.revision },
    });
    expect(finalised.status, JSON.stringify(finalised.json)).toBe(200);
    expect(finalised.json).toMatchObject({ status: 'finalised', version: 2 });
  });
});

describe('the report queue unavailable', () => {
  it('answers 503 after the close itself or a late submission; the next scheduled run asks for the reports', async () => {
    const semester = `${Number(today.slice(0, 4)) + 1}-H2`;
    const created = await app.call('POST', '/api/secondments', {
      token: tokens['DE:editor'],
      body: secondmentBody('SN'),
    });
    await app.call('POST', `/api/secondments/${created.json.id}/notify`, {
      token: tokens['DE:editor'],
      body: { version: 1 },
    });
    const refused = () =>
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9324'), { code: 'ECONNREFUSED' });
    const sends = inject(sqs(), 'SendMessageBatchCommand', Number.POSITIVE_INFINITY, refused);
    const close = () =>
      app.call('POST', `/api/semesters/${semester}/close`, {
        token: tokens['EC:admin'],
        body: { force: true },
      });
    const first = await close();
    expect(first.status).toBe(503);
    expect(sends.attempts).toBe(4);
    sends.remove();
    // The close stands (one audit entry), and the reports are still owed.
    const detail = await app.call('GET', `/api/semesters/${semester}`, { token: tokens['EC:admin'] });
    expect(detail.json.status).toBe('closed');
    await app.reportQueue.idle();
    expect(
      (await app.call('GET', `/api/semesters/${semester}/reports`, { token: tokens['EC:admin'] })).json.items,
    ).toEqual([]);

    // The next scheduled run sends them (a second close by the Commission would too). Its time is
    // set before any semester ended, so that it closes no other semester of this table meanwhile.
    expect(await closeSemesters({ time: '2024-01-01T00:00:00Z' })).toEqual({ closed: [] });
    await app.reportQueue.idle();
    const reports = await app.call('GET', `/api/semesters/${semester}/reports`, {
      token: tokens['EC:admin'],
    });
    expect(reports.json.items.map((r: { networkId: string }) => r.networkId)).toContain('SN');
    expect(reports.json.progress.generated).toBe(reports.json.progress.expected);
    // Asked once more: nothing is owed, nothing is sent.
    const sent = inject(sqs(), 'SendMessageBatchCommand', 0, refused);
    expect((await close()).status).toBe(200);
    expect(sent.attempts).toBe(0);
    sent.remove();

    // A late submission under an exception owes the report a new version: with the queue down it
    // answers 503 after its write, and the next scheduled run asks for the new version.
    const path = `/api/semesters/${semester}/networks/SN/contributions/DE`;
    const reopened = await app.call('POST', `${path}/reopen`, {
      token: tokens['EC:admin'],
      body: { version: 0 },
    });
    expect(reopened.status, JSON.stringify(reopened.json)).toBe(200);
    const saved = await app.call('PUT', path, {
      token: tokens['DE:editor'],
      body: { templateVersion: 1, version: reopened.json.version, values: contributionValues },
    });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    const versionsOf = async () =>
      (await app.call('GET', `/api/semesters/${semester}/reports/SN`, { token: tokens['EC:admin'] })).json
        .versions.length as number;
    const before = await versionsOf();
    const down = inject(sqs(), 'SendMessageBatchCommand', Number.POSITIVE_INFINITY, refused);
    const late = await app.call('POST', `${path}/submit`, {
      token: tokens['DE:coordinator'],
      body: { version: saved.json.version },
    });
    expect(late.status).toBe(503);
    down.remove();
    const stored = await app.call('GET', path, { token: tokens['EC:admin'] });
    expect(stored.json).toMatchObject({ status: 'submitted', late: true });
    await app.reportQueue.idle();
    expect(await versionsOf()).toBe(before);
    expect(await closeSemesters({ time: '2024-01-01T00:00:00Z' })).toEqual({ closed: [] });
    await app.reportQueue.idle();
    expect(await versionsOf()).toBe(before + 1);
    // Owed once, asked once.
    const quiet = inject(sqs(), 'SendMessageBatchCommand', 0, refused);
    await closeSemesters({ time: '2024-01-01T00:00:00Z' });
    expect(quiet.attempts).toBe(0);
  });
});

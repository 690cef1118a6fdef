/**
 * API latency and throughput of the main read and write endpoints at several concurrencies, over
 * real HTTP against the local runtime (the same handlers), beside the DynamoDB calls those requests
 * make replayed with the bare SDK in the same run. The ratio is the handler's own overhead.
 */
import { Worker } from 'node:worker_threads';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { membersInSemester, type Posting } from '#shared/networks.ts';
import { currentReportTemplateVersion } from '#shared/report-templates.ts';
import { semester } from '#shared/semesters.ts';
import type { WrittenDataset } from './generate.ts';
import type { DynamoMeter } from './lib/dynamo-meter.ts';
import type { LoadJob, LoadResult, RequestChain } from './lib/load-worker.ts';
import { prepareReplay, type Wave, wavesOf } from './lib/replay.ts';
import { type LatencySummary, summarise } from './lib/stats.ts';
import type { DatasetPlan } from './plan.ts';

export interface ApiBenchOptions {
  concurrencies: number[];
  /** Each measurement (one endpoint, one concurrency, API or raw) stops after this long… */
  maxMs: number;
  /** …or this many requests, whichever comes first, but never before `minRequests`. */
  maxRequests: number;
}

export interface EndpointMeasurement {
  endpoint: string;
  kind: 'read' | 'write';
  /** What one request does with DynamoDB (from the capture pass): calls, waves, request units. */
  dynamo: { calls: number; waves: number; readUnits: number; writeUnits: number };
  levels: { concurrency: number; api: LatencySummary; raw: LatencySummary; failures: string[] }[];
}

export interface ApiContext {
  baseUrl: string;
  written: WrittenDataset;
  meter: DynamoMeter;
  /** A document client of its own (no meter), for the raw replays. */
  rawClient: DynamoDBDocumentClient;
  login(organisation: string, role: string): Promise<string>;
  progress(line: string): void;
}

interface EndpointSpec {
  endpoint: string;
  kind: 'read' | 'write';
  chains: RequestChain[];
}

/** The postings the plan notified, for membership (the same rule the product applies). */
function plannedPostings(plan: DatasetPlan): Posting[] {
  return plan.secondments
    .filter((s) => s.notifiedAt)
    .map((s) => ({
      secondmentId: s.key,
      state: s.state,
      hostCountry: s.input.hostCountry,
      startDate: s.input.startDate,
      ...((s.end?.endDate ?? s.input.endDate) ? { endDate: s.end?.endDate ?? s.input.endDate } : {}),
    }));
}

async function endpointSpecs(context: ApiContext): Promise<EndpointSpec[]> {
  const { plan } = context.written;
  const { closing, next } = plan.semesters;
  const postings = plannedPostings(plan);
  const biggest = plan.hostCountries.slice(0, 10);
  const tokens = new Map<string, string>();
  const token = async (organisation: string, role: string) => {
    const key = `${organisation}/${role}`;
    if (!tokens.has(key)) tokens.set(key, await context.login(organisation, role));
    return tokens.get(key) as string;
  };
  const read = async (path: string, organisation: string, role = 'editor'): Promise<RequestChain> => ({
    method: 'GET',
    path,
    token: await token(organisation, role),
  });

  const active = plan.secondments.filter((s) => s.notifiedAt && !s.end);
  const submitted = plan.contributions.filter(
    (c) => c.semester === closing && c.submittedAt && biggest.includes(c.networkId),
  );
  // Writes: one chain per target, so that no two requests in flight change the same item.
  const memberships = plan.hostCountries.flatMap((networkId) =>
    membersInSemester(
      postings.filter((p) => p.hostCountry === networkId),
      next,
    ).map((m) => ({ networkId, state: m.state })),
  );
  const sampleValues = plan.contributions.find((c) => c.semester === closing)?.values ?? {};
  const meetingDate = new Date(Date.parse(`${semester(next).start}T00:00:00Z`) + 20 * 86_400_000)
    .toISOString()
    .slice(0, 10);

  return [
    {
      // No DynamoDB call: the fixed cost of HTTP, the token check and the middleware chain.
      endpoint: 'GET /api/me (no DynamoDB)',
      kind: 'read',
      chains: [await read('/api/me', 'DE')],
    },
    {
      endpoint: 'GET /api/secondments',
      kind: 'read',
      chains: await Promise.all(plan.states.slice(0, 8).map((s) => read('/api/secondments', s))),
    },
    {
      endpoint: 'GET /api/secondments/{id}',
      kind: 'read',
      chains: await Promise.all(
        active.slice(0, 64).map((s) => {
          const id = context.written.secondments.get(s.key)?.id;
          return read(`/api/secondments/${id}`, plan.states[0] as string);
        }),
      ),
    },
    { endpoint: 'GET /api/networks', kind: 'read', chains: [await read('/api/networks', 'DE')] },
    {
      endpoint: 'GET /api/networks/{id}?semester',
      kind: 'read',
      chains: await Promise.all(biggest.map((n) => read(`/api/networks/${n}?semester=${closing}`, 'DE'))),
    },
    {
      endpoint: 'GET /api/semesters/{id}',
      kind: 'read',
      chains: [await read(`/api/semesters/${closing}`, 'EC', 'admin')],
    },
    {
      endpoint: 'GET …/contributions/{state}',
      kind: 'read',
      chains: await Promise.all(
        submitted
          .slice(0, 64)
          .map((c) =>
            read(`/api/semesters/${closing}/networks/${c.networkId}/contributions/${c.state}`, c.state),
          ),
      ),
    },
    {
      endpoint: 'GET /api/contributions/outstanding',
      kind: 'read',
      chains: await Promise.all(
        plan.states.map((s) => read('/api/contributions/outstanding', s, 'coordinator')),
      ),
    },
    {
      endpoint: 'GET /api/feed',
      kind: 'read',
      chains: await Promise.all(plan.states.map((s) => read('/api/feed', s))),
    },
    {
      endpoint: 'PUT …/contributions/{state} (autosave)',
      kind: 'write',
      chains: await Promise.all(
        memberships.map(async ({ networkId, state }) => ({
          method: 'PUT',
          path: `/api/semesters/${next}/networks/${networkId}/contributions/${state}`,
          token: await token(state, 'editor'),
          body: { templateVersion: currentReportTemplateVersion, version: 0, values: sampleValues },
          versioned: true,
        })),
      ),
    },
    {
      endpoint: 'POST /api/networks/{id}/meetings',
      kind: 'write',
      chains: await Promise.all(
        memberships.map(async ({ networkId, state }) => ({
          method: 'POST',
          path: `/api/networks/${networkId}/meetings`,
          token: await token(state, 'editor'),
          body: {
            date: meetingDate,
            convenedBy: state,
            participants: [state],
            commissionPresent: true,
            ebcgPresent: true,
            topics: ['Document fraud at the airport'],
            summary: String(sampleValues['A2.text'] ?? 'Regular meeting.').slice(0, 2500),
          },
        })),
      ),
    },
    {
      endpoint: 'PUT /api/secondments/{id} (amend)',
      kind: 'write',
      chains: await Promise.all(
        active.slice(0, 96).map(async (s) => {
          const written = context.written.secondments.get(s.key);
          return {
            method: 'PUT',
            path: `/api/secondments/${written?.id}`,
            token: await token(s.state, 'editor'),
            body: { ...s.input, version: written?.version ?? 0 },
            versioned: true,
          };
        }),
      ),
    },
  ];
}

function runWorker(job: LoadJob): Promise<LoadResult> {
  const api = import.meta.resolve('tsx/esm/api');
  const worker = new URL('./lib/load-worker.ts', import.meta.url).href;
  const code = `import { register } from ${JSON.stringify(api)}; register(); await import(${JSON.stringify(worker)});`;
  return new Promise((resolve, reject) => {
    const thread = new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), {
      workerData: job,
    });
    thread.once('message', (message: LoadResult & { error?: string }) => {
      void thread.terminate();
      if (message.error) reject(new Error(message.error));
      else resolve(message);
    });
    thread.once('error', reject);
  });
}

/** The replays at a concurrency, in this thread (where the handlers' SDK calls run too). */
async function runReplays(
  context: ApiContext,
  requests: readonly Wave[][],
  concurrency: number,
  options: ApiBenchOptions,
  minRequests: number,
): Promise<LatencySummary> {
  // Built ahead, so the timed part is the sending alone.
  const replays = Array.from({ length: options.maxRequests }, (_, i) =>
    prepareReplay(context.rawClient, requests[i % requests.length] as Wave[]),
  );
  const latencies: number[] = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const elapsed = performance.now() - started;
        if (next >= replays.length || (elapsed > options.maxMs && next >= minRequests)) return;
        const replay = replays[next++] as () => Promise<void>;
        const t0 = performance.now();
        await replay();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return summarise(latencies, performance.now() - started);
}

/** One request at a time through HTTP, recording its DynamoDB calls and request units. */
async function capturePass(context: ApiContext, spec: EndpointSpec, count: number) {
  const captured: Wave[][] = [];
  let readUnits = 0;
  let writeUnits = 0;
  let calls = 0;
  for (let i = 0; i < count; i++) {
    const chain = spec.chains[i % spec.chains.length] as RequestChain;
    context.meter.reset();
    const { result, calls: made } = await context.meter.capture(async () => {
      const response = await fetch(`${context.baseUrl}${chain.path}`, {
        method: chain.method,
        headers: {
          authorization: `Bearer ${chain.token}`,
          ...(chain.body ? { 'content-type': 'application/json' } : {}),
        },
        ...(chain.body ? { body: JSON.stringify(chain.body) } : {}),
      });
      return { status: response.status, text: await response.text() };
    });
    if (result.status >= 400) {
      throw new Error(
        `${spec.endpoint}: ${chain.method} ${chain.path} answered ${result.status}: ${result.text.slice(0, 300)}`,
      );
    }
    if (chain.versioned && chain.body)
      chain.body.version = (JSON.parse(result.text) as { version: number }).version;
    const totals = context.meter.totals();
    readUnits += totals.readUnits;
    writeUnits += totals.writeUnits;
    calls += made.length;
    captured.push(wavesOf(made));
  }
  return {
    captured,
    dynamo: {
      calls: calls / count,
      waves: captured.reduce((sum, w) => sum + w.length, 0) / count,
      readUnits: readUnits / count,
      writeUnits: writeUnits / count,
    },
  };
}

export async function benchApi(
  context: ApiContext,
  options: ApiBenchOptions,
): Promise<EndpointMeasurement[]> {
  const specs = await endpointSpecs(context);
  const results: EndpointMeasurement[] = [];
  for (const spec of specs) {
    const { captured, dynamo } = await capturePass(context, spec, Math.min(8, spec.chains.length));
    const measurement: EndpointMeasurement = { endpoint: spec.endpoint, kind: spec.kind, dynamo, levels: [] };
    for (const asked of options.concurrencies) {
      // A write needs a target of its own per client (a small data set may have fewer).
      const concurrency = spec.kind === 'write' ? Math.min(asked, spec.chains.length) : asked;
      const minRequests = Math.max(10, 2 * concurrency);
      // API and raw back to back at each level, so that both see the same state of a noisy machine.
      const api = await runWorker({
        baseUrl: context.baseUrl,
        chains: spec.chains,
        concurrency,
        maxRequests: options.maxRequests,
        maxMs: options.maxMs,
        minRequests,
      });
      spec.chains = api.chains;
      const raw =
        dynamo.calls > 0
          ? await runReplays(context, captured, concurrency, options, minRequests)
          : summarise([], 0);
      const failures = [...new Set(api.failures.map((f) => `${f.status} ${f.body.slice(0, 120)}`))];
      measurement.levels.push({ concurrency, api: summarise(api.latencies, api.wallMs), raw, failures });
      context.progress(
        `  ${spec.endpoint} ×${concurrency}: API p50 ${summarise(api.latencies, api.wallMs).p50.toFixed(1)} ms, raw p50 ${raw.count ? `${raw.p50.toFixed(1)} ms` : '—'} (${api.latencies.length} requests${failures.length ? `, ${api.failures.length} failed: ${failures[0]}` : ''})`,
      );
    }
    results.push(measurement);
  }
  return results;
}

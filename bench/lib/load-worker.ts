/**
 * The HTTP client of the API benchmark, in a worker thread of its own so that sending requests and
 * parsing answers does not compete with the handlers for the main thread's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';

export interface RequestChain {
  method: string;
  path: string;
  token: string;
  body?: Record<string, unknown>;
  /** After each success, the next request carries the `version` the answer returned (a write's chain). */
  versioned?: boolean;
}

export interface LoadJob {
  baseUrl: string;
  chains: RequestChain[];
  concurrency: number;
  maxRequests: number;
  maxMs: number;
  /** Never stop on time before this many requests. */
  minRequests: number;
}

export interface LoadResult {
  latencies: number[];
  wallMs: number;
  failures: { status: number; body: string }[];
  /** The chains with their latest versions, for the next run to continue from. */
  chains: RequestChain[];
}

async function run(job: LoadJob): Promise<LoadResult> {
  const latencies: number[] = [];
  const failures: LoadResult['failures'] = [];
  const started = performance.now();
  let sent = 0;
  // Worker w owns the chains w, w + c, w + 2c…: a versioned chain is never in flight twice.
  const worker = async (w: number) => {
    const mine =
      job.chains.length >= job.concurrency
        ? job.chains.filter((_, i) => i % job.concurrency === w)
        : job.chains.map((_, i) => job.chains[(i + w) % job.chains.length] as RequestChain);
    if (job.chains.length < job.concurrency && job.chains.some((c) => c.versioned)) {
      throw new Error('a write needs at least one chain per concurrent client');
    }
    for (let round = 0; mine.length > 0; round++) {
      const running = performance.now() - started;
      if (sent >= job.maxRequests || (running > job.maxMs && sent >= job.minRequests)) return;
      sent += 1;
      const chain = mine[round % mine.length] as RequestChain;
      const t0 = performance.now();
      const response = await fetch(`${job.baseUrl}${chain.path}`, {
        method: chain.method,
        headers: {
          authorization: `Bearer ${chain.token}`,
          ...(chain.body ? { 'content-type': 'application/json' } : {}),
        },
        ...(chain.body ? { body: JSON.stringify(chain.body) } : {}),
      });
      const text = await response.text();
      const elapsed = performance.now() - t0;
      if (response.ok) {
        latencies.push(elapsed);
        if (chain.versioned && chain.body)
          chain.body.version = (JSON.parse(text) as { version: number }).version;
      } else {
        failures.push({ status: response.status, body: text.slice(0, 300) });
      }
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, (_, w) => worker(w)));
  return { latencies, wallMs: performance.now() - started, failures, chains: job.chains };
}

if (parentPort) {
  const port = parentPort;
  run(workerData as LoadJob).then(
    (result) => port.postMessage(result),
    (error: unknown) => port.postMessage({ error: String(error) }),
  );
}

/**
 * Worker threads that run one Lambda handler, as Lambda runs a function: each worker is its own
 * execution environment (module state, SDK clients), handles one event at a time, and there are at
 * most `size` of them. Used for the CPU-bound consumers (report rendering), so that the local runtime
 * uses every core as the deployed functions do, instead of one Node thread for all batches.
 */
import { Worker } from 'node:worker_threads';

export interface WorkerRequest {
  id: number;
  event: unknown;
}
export type WorkerReply = { id: number; result: unknown } | { id: number; error: string };

export interface WorkerPool {
  readonly size: number;
  /** Invokes the handler in an idle worker (started on demand); rejects if it throws or the worker dies. */
  invoke(event: unknown): Promise<unknown>;
  close(): Promise<void>;
}

interface Slot {
  worker: Worker;
  settle?: (reply: WorkerReply | { id: number; died: string }) => void;
}

const bootstrap = new URL('./bootstrap.mjs', import.meta.url);
const lambdaWorker = new URL('./lambda-worker.ts', import.meta.url).href;

export function createWorkerPool(options: {
  /** An import specifier the worker resolves, such as `#functions/handlers/generate-reports.ts`. */
  handlerModule: string;
  size: number;
  name: string;
  log?: (line: string) => void;
}): WorkerPool {
  if (!Number.isInteger(options.size) || options.size < 1)
    throw new Error(`a worker pool needs at least one worker (size ${options.size})`);
  // The environment as it is now: the same process may configure another app (tests) later.
  const env = { ...process.env };
  const idle: Slot[] = [];
  const waiting: { resolve: (slot: Slot) => void; reject: (error: Error) => void }[] = [];
  const all = new Set<Slot>();
  let nextId = 0;
  let closed = false;

  const spawn = (): Slot => {
    const worker = new Worker(bootstrap, {
      env,
      workerData: { workerModule: lambdaWorker, handlerModule: options.handlerModule },
    });
    const slot: Slot = { worker };
    const died = (reason: string) => {
      if (!all.delete(slot)) return;
      const at = idle.indexOf(slot);
      if (at >= 0) idle.splice(at, 1);
      if (!closed)
        options.log?.(`workers ${options.name}: a worker stopped (${reason}); the next batch starts another`);
      slot.settle?.({ id: -1, died: reason });
    };
    worker.on('message', (reply: WorkerReply) => slot.settle?.(reply));
    worker.on('error', (error) => died(error.message));
    worker.on('exit', (code) => died(`exit code ${code}`));
    all.add(slot);
    return slot;
  };

  const acquire = (): Promise<Slot> => {
    const slot = idle.pop();
    if (slot) return Promise.resolve(slot);
    if (all.size < options.size) return Promise.resolve(spawn());
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };

  const release = (slot: Slot) => {
    if (!all.has(slot)) {
      // It died: a waiting caller gets a new worker.
      const next = waiting.shift();
      if (next && !closed) next.resolve(spawn());
      return;
    }
    const next = waiting.shift();
    if (next) next.resolve(slot);
    else idle.push(slot);
  };

  return {
    size: options.size,
    invoke: async (event) => {
      if (closed) throw new Error(`workers ${options.name}: the pool is closed`);
      const slot = await acquire();
      const id = nextId++;
      try {
        const reply = await new Promise<WorkerReply | { id: number; died: string }>((resolve) => {
          slot.settle = resolve;
          slot.worker.postMessage({ id, event } satisfies WorkerRequest);
        });
        if ('died' in reply) throw new Error(`the worker stopped during the invocation (${reply.died})`);
        if ('error' in reply) throw new Error(reply.error);
        return reply.result;
      } finally {
        slot.settle = undefined;
        release(slot);
      }
    },
    close: async () => {
      closed = true;
      for (const { reject } of waiting.splice(0))
        reject(new Error(`workers ${options.name}: the pool is closed`));
      await Promise.all([...all].map((slot) => slot.worker.terminate()));
      all.clear();
      idle.length = 0;
    },
  };
}

import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkerPool, type WorkerPool } from '../../local/workers/worker-pool.ts';

const handlerModule = new URL('../fixtures/worker-handler.ts', import.meta.url).href;
interface Answer {
  threadId: number;
  invocations: number;
  marker: string | null;
}

let pool: WorkerPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
  delete process.env.WORKER_TEST_MARKER;
});

describe('the local worker pool (one Lambda execution environment per worker)', () => {
  it('runs the handler in other threads, at most `size` at once, each keeping its module state', async () => {
    process.env.WORKER_TEST_MARKER = 'at creation';
    pool = createWorkerPool({ name: 'test', handlerModule, size: 2 });
    // Set after the pool was made: a worker sees the environment of its pool's creation only.
    process.env.WORKER_TEST_MARKER = 'later';
    const answers = (await Promise.all(
      Array.from({ length: 6 }, () => pool?.invoke({ action: 'answer', waitMs: 100 })),
    )) as Answer[];
    const threads = new Set(answers.map((a) => a.threadId));
    expect(threads.size).toBe(2);
    expect(threads.has(threadId)).toBe(false);
    // Six invocations over two environments: each environment's own counter reaches 3.
    expect(answers.map((a) => a.invocations).sort()).toEqual([1, 1, 2, 2, 3, 3]);
    expect(new Set(answers.map((a) => a.marker))).toEqual(new Set(['at creation']));
  });

  it('rejects with the handler’s error, and the worker goes on serving', async () => {
    pool = createWorkerPool({ name: 'test', handlerModule, size: 1 });
    await expect(pool.invoke({ action: 'throw' })).rejects.toThrow('the handler refused this event');
    const next = (await pool.invoke({ action: 'answer' })) as Answer;
    expect(next.invocations).toBe(2);
  });

  it('rejects an invocation whose worker dies, and starts a new worker for the next', async () => {
    pool = createWorkerPool({ name: 'test', handlerModule, size: 1 });
    const first = (await pool.invoke({ action: 'answer' })) as Answer;
    await expect(pool.invoke({ action: 'exit' })).rejects.toThrow(/worker stopped during the invocation/);
    const after = (await pool.invoke({ action: 'answer' })) as Answer;
    expect(after.threadId).not.toBe(first.threadId);
    expect(after.invocations).toBe(1);
  });

  it('refuses invocations once closed', async () => {
    pool = createWorkerPool({ name: 'test', handlerModule, size: 1 });
    await pool.close();
    await expect(pool.invoke({ action: 'answer' })).rejects.toThrow(/closed/);
  });
});

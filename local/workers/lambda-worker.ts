/**
 * One worker thread as one Lambda execution environment: it imports the handler's module once (its
 * own module state, its own SDK clients, configured from the environment the pool gave it) and
 * invokes it with one event at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from './worker-pool.ts';

const { handlerModule } = workerData as { handlerModule: string };
const port = parentPort;
if (!port) throw new Error('lambda-worker runs in a worker thread only');

// As in the main thread: over DynamoDB Local, a write is answered once it has committed.
if (process.env.DYNAMODB_ENDPOINT) {
  const { dynamo } = await import('#functions/lib/aws.ts');
  const { awaitLocalCommits } = await import('../servers/dynamodb-local.ts');
  awaitLocalCommits(dynamo(), process.env.TABLE_NAME ?? '');
}
const { handler } = (await import(handlerModule)) as { handler: (event: unknown) => Promise<unknown> };

port.on('message', async ({ id, event }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id, result: await handler(event) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});

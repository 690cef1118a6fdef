// The entry of a worker thread: TypeScript is loaded through tsx (a worker starts without the
// parent's loaders), then the worker's module, named by the pool.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.workerModule);

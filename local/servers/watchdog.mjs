// Runs one command as a child and ends it when our parent goes away (its IPC channel closes), even
// when the parent was killed with SIGKILL: no DynamoDB Local java process is ever left behind.
// Usage (with an IPC channel): node watchdog.mjs <command> [args...]
import { spawn } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
let stopping = false;

const stop = () => {
  if (stopping) return;
  stopping = true;
  child.kill('SIGTERM');
  setTimeout(() => child.kill('SIGKILL'), 3000).unref();
};

child.stdout.on('data', (chunk) => process.send?.({ type: 'stdout', text: chunk.toString() }));
child.stderr.on('data', (chunk) => process.send?.({ type: 'stderr', text: chunk.toString() }));
child.on('error', (error) => {
  process.send?.({ type: 'error', code: error.code, message: error.message });
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (!stopping) process.send?.({ type: 'exit', code, signal });
  process.exit(code ?? 0);
});
process.on('disconnect', stop);
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

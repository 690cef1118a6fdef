import { fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningServer, stopChild } from './dynamodb-local.ts';
import { LocalSetupError } from './errors.ts';
import { freePort } from './ports.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** s3rver accepts this key pair; every local S3 client signs with it. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** Starts s3rver in its own Node process (with the legacy OpenSSL provider it needs), files under `dataDir`. */
export async function startS3Local(options: { dataDir: string; port?: number }): Promise<RunningServer> {
  mkdirSync(options.dataDir, { recursive: true });
  const port = options.port ?? (await freePort());
  const child = fork(join(here, 's3rver-process.mjs'), [String(port), options.dataDir], {
    execArgv: ['--openssl-legacy-provider'],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const boundPort = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new LocalSetupError('s3rver did not start within 30 s')), 30_000);
    child.on('message', (message: { type: string; port?: number; message?: string }) => {
      clearTimeout(timer);
      if (message.type === 'ready' && message.port) resolve(message.port);
      else reject(new LocalSetupError(`s3rver could not start: ${message.message ?? 'unknown error'}`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new LocalSetupError(`s3rver stopped at start-up (exit code ${code}): ${stderr.trim()}`));
    });
  });
  return { endpoint: `http://127.0.0.1:${boundPort}`, stop: () => stopChild(child) };
}

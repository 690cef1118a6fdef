import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlingFor, deployedFunctions, esbuildOptionsOf, lambdaBundling } from '../../infra/bundling.ts';
import { REPO_ROOT } from '../../infra/paths.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

const run = promisify(execFile);

let app: TestApp;
let outDir: string;
let bundle: string;

beforeAll(async () => {
  app = await startTestApp();
  // Built with the stack's own options (stand-ins included), outside the repository: no node_modules.
  outDir = mkdtempSync(join(tmpdir(), 'ilo-bundle-test-'));
  bundle = join(outDir, 'health', 'index.mjs');
  await build({
    ...esbuildOptionsOf(lambdaBundling),
    entryPoints: [join(REPO_ROOT, 'functions/handlers/health.ts')],
    outfile: bundle,
    logLevel: 'error',
  });
});

afterAll(async () => {
  await app?.stop();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** Imports the bundle in a new Node process, as Lambda's runtime would, and invokes its handler once. */
async function invoke(credentials: Record<string, string>) {
  const script = `
    const { handler } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
    const event = { version: '2.0', routeKey: 'GET /api/health', rawPath: '/api/health', rawQueryString: '',
      headers: {}, isBase64Encoded: false,
      requestContext: { requestId: 'bundle-test', routeKey: 'GET /api/health', http: { method: 'GET', path: '/api/health' } } };
    const context = { functionName: 'Health', awsRequestId: 'bundle-test', memoryLimitInMB: '512',
      invokedFunctionArn: 'arn:aws:lambda:eu-west-1:000000000000:function:Health', getRemainingTimeInMillis: () => 10000 };
    console.log(JSON.stringify(await handler(event, context)));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    env: {
      PATH: process.env.PATH ?? '',
      TABLE_NAME: app.tableName,
      REPORTS_BUCKET: app.bucket,
      AWS_REGION: 'eu-west-1',
      DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT ?? '',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      HOME: outDir,
      ...credentials,
    },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { statusCode: number; body: string };
}

describe('a Lambda bundle as the stack builds it', () => {
  it('answers, with the credentials Lambda puts in its environment', async () => {
    const answer = await invoke({ AWS_ACCESS_KEY_ID: 'FROMENVIRONMENT', AWS_SECRET_ACCESS_KEY: 'secret' });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ status: 'ok' });
  });

  it('looks for credentials in the environment only: a profile in ~/.aws is not used', async () => {
    // The SDK's full default chain would find this profile and answer 200; the bundle's stand-in does not.
    mkdirSync(join(outDir, '.aws'), { recursive: true });
    writeFileSync(
      join(outDir, '.aws', 'credentials'),
      '[default]\naws_access_key_id = FROMPROFILE\naws_secret_access_key = secret\n',
    );
    const answer = await invoke({});
    expect(answer.statusCode).toBe(503);
  });
});

describe('every function the stack deploys', () => {
  it("bundles with the stack's options and imports in Node as Lambda would load it", async () => {
    // The infra tests read templates without bundling; this is where every function's bundle is built.
    const functions = deployedFunctions();
    const byOptions = new Map<ReturnType<typeof bundlingFor>, Record<string, string>>();
    for (const { name, spec } of functions) {
      const bundling = bundlingFor(spec);
      const entries = byOptions.get(bundling) ?? {};
      entries[`${name}/index`] = join(REPO_ROOT, 'functions', spec.entry);
      byOptions.set(bundling, entries);
    }
    const allDir = join(outDir, 'all');
    for (const [bundling, entryPoints] of byOptions) {
      const result = await build({
        ...esbuildOptionsOf(bundling),
        entryPoints,
        outdir: allDir,
        outExtension: { '.js': '.mjs' },
        logLevel: 'error',
      });
      expect(result.errors).toEqual([]);
    }
    const files = functions.map(({ name }) => pathToFileURL(join(allDir, name, 'index.mjs')).href);
    // One process imports them all (a new process each would take minutes) and names any that fails.
    const script = `
      const failed = [];
      for (const file of ${JSON.stringify(files)}) {
        try {
          const module = await import(file);
          if (typeof module.handler !== 'function') failed.push(file + ': no handler export');
        } catch (error) {
          failed.push(file + ': ' + error.message);
        }
      }
      console.log(JSON.stringify(failed));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      env: {
        PATH: process.env.PATH ?? '',
        TABLE_NAME: 'ilo-network',
        REPORTS_BUCKET: 'ilo-network-reports',
        AWS_REGION: 'eu-west-1',
        POWERTOOLS_SERVICE_NAME: 'ilo-network',
        POWERTOOLS_LOG_LEVEL: 'SILENT',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        HOME: outDir,
      },
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(functions.length).toBeGreaterThan(40);
    expect(JSON.parse(stdout.trim().split('\n').at(-1) ?? '["no output"]')).toEqual([]);
  }, 300_000);
});

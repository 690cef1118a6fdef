import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, inject } from 'vitest';
import { type LocalApp, startLocalApp } from '../../local/runtime.ts';
import type { WebRuntimeConfig } from '../../local/static-web.ts';
import { ContractChecker, type OpenApiDocument } from './contract.ts';

export interface TestApp extends LocalApp {
  tableName: string;
  bucket: string;
  /** A bearer token from the dev login, as the web app gets one. */
  login(organisation: string, role: string): Promise<string>;
  /** A token for each `ORG:role` key (`'DE:editor'`), signed in one after the other. */
  loginAll<Key extends string>(keys: readonly Key[]): Promise<Record<Key, string>>;
  /**
   * A request to the API, answering status, headers and parsed JSON. Fails the test when the answer
   * is not as the served OpenAPI document says (test/support/contract.ts).
   */
  call(method: string, path: string, options?: CallOptions): Promise<ApiAnswer>;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as is, instead of JSON-encoding `body`. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface ApiAnswer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the API answered.
  json: any;
}

// WEB_DIST_DIR lets two builds be tested side by side (vite build --outDir <dir> --emptyOutDir).
const webDir = process.env.WEB_DIST_DIR ?? fileURLToPath(new URL('../../web/dist', import.meta.url));

/** The contract as the running API serves it, to a signed-in caller like every route but health. */
async function servedContract(baseUrl: string): Promise<ContractChecker> {
  const login = await fetch(`${baseUrl}/api/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ organisation: 'EC', role: 'admin' }),
  });
  const { token } = (await login.json()) as { token: string };
  const served = await fetch(`${baseUrl}/api/openapi.json`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (served.status !== 200) throw new Error(`GET /api/openapi.json answered ${served.status}`);
  return new ContractChecker((await served.json()) as OpenApiDocument);
}

/** Where this test file's answers seen go, for inspection (merged per suite by global-setup.ts). */
function writeSeenAnswers(contract: ContractChecker, name: string): void {
  const testFile = basename(expect.getState().testPath ?? 'unknown', '.ts');
  const seen = [...contract.seen.values()];
  writeFileSync(join(inject('contractAnswersDir'), `${testFile}-${name}.json`), JSON.stringify(seen));
}

/**
 * The local runtime for one test file: its own table and bucket on the shared embedded servers,
 * served over real HTTP on a free port, exactly as `npm start` serves it.
 */
export async function startTestApp(
  options: {
    serveWeb?: boolean;
    /** Keep the dev signing key in this file, so a test can mint tokens with it (expired ones). */
    keyFile?: string;
    /** The web app's /config.json (the dev sign-in by default). */
    webConfig?: WebRuntimeConfig;
    /**
     * Worker threads for report generation. None by default: the tests that inject faults into the
     * generator's SDK clients or replay its messages reach it only in this thread.
     */
    reportWorkers?: number;
  } = {},
): Promise<TestApp> {
  const suffix = randomUUID().slice(0, 8);
  const tableName = `test-${suffix}`;
  const bucket = `test-${suffix}`;
  const app = await startLocalApp({
    services: { dynamoEndpoint: inject('dynamoEndpoint'), s3Endpoint: inject('s3Endpoint') },
    tableName,
    bucket,
    port: 0,
    ...(options.serveWeb ? { webDir } : {}),
    ...(options.keyFile ? { keyFile: options.keyFile } : {}),
    ...(options.webConfig ? { webConfig: options.webConfig } : {}),
    reportWorkers: options.reportWorkers ?? 0,
  });

  const contract = await servedContract(app.baseUrl);

  const call: TestApp['call'] = async (method, path, { token, body, rawBody, headers } = {}) => {
    const response = await fetch(`${app.baseUrl}${path}`, {
      method,
      // A redirect (a report download) is the answer to check, not the file it leads to.
      redirect: 'manual',
      headers: {
        ...(body !== undefined || rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      ...(rawBody !== undefined
        ? { body: rawBody }
        : body !== undefined
          ? { body: JSON.stringify(body) }
          : {}),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = { unparsed: text };
    }
    const answer = { status: response.status, headers: response.headers, json };
    expect(contract.problems(method, path, answer), 'the answer as the OpenAPI document says').toEqual([]);
    return answer;
  };

  const login: TestApp['login'] = async (organisation, role) => {
    const answer = await call('POST', '/api/dev/login', { body: { organisation, role } });
    if (answer.status !== 200) throw new Error(`dev login failed: ${JSON.stringify(answer.json)}`);
    return answer.json.token;
  };

  return {
    ...app,
    async stop() {
      writeSeenAnswers(contract, tableName);
      await app.stop();
    },
    tableName,
    bucket,
    call,
    login,
    async loginAll(keys) {
      const tokens = {} as Record<(typeof keys)[number], string>;
      for (const key of keys) {
        const [organisation = '', role = ''] = key.split(':');
        tokens[key] = await login(organisation, role);
      }
      return tokens;
    },
  };
}

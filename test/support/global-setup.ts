import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startBackingServices } from '../../local/runtime.ts';
import { mergeSeenAnswers } from './contract.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    s3Endpoint: string;
    /** Each test file writes the (operation, status, code) it received here. */
    contractAnswersDir: string;
  }
}

/**
 * DynamoDB Local (in memory) and s3rver, started once per test run and shared by every test file.
 * At the end, the answers the suite received: test-results/contract/<suite>.json.
 */
export default async function setup(project: TestProject) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const s3Dir = mkdtempSync(join(tmpdir(), 'ilo-test-s3-'));
  const services = await startBackingServices({ s3Dir });
  project.provide('dynamoEndpoint', services.dynamoEndpoint);
  project.provide('s3Endpoint', services.s3Endpoint);
  const answersDir = resolve('test-results', 'contract', project.name);
  rmSync(answersDir, { recursive: true, force: true });
  mkdirSync(answersDir, { recursive: true });
  project.provide('contractAnswersDir', answersDir);
  return async () => {
    mergeSeenAnswers(answersDir, `${answersDir}.json`);
    await services.stop();
    rmSync(s3Dir, { recursive: true, force: true });
  };
}

/**
 * `npm run bench`: the product at the network's full size, measured on this machine and printed as
 * one table (see docs/benchmarks.md). Options:
 *   --scale <n>     data scale (1: 500 active ILOs of 31 states in 105 host countries; 10: ten times)
 *   --seed <n>      the generator's seed (default 377)
 *   --semester <id> the semester the benchmark closes (default 2026-H1; two years of history end there)
 *   --only <list>   some of: api, close, bundles, web (comma-separated; default all)
 *   --quick         shorter measurement windows (a smoke run, not figures to publish)
 */
import '../local/process-defaults.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamo, s3 } from '#functions/lib/aws.ts';
import { startBackingServices, startLocalApp } from '../local/runtime.ts';
import { LOCAL_CREDENTIALS } from '../local/servers/dynamodb-local.ts';
import { benchApi, type EndpointMeasurement } from './api.ts';
import { benchBundles } from './bundles.ts';
import { benchClose } from './close.ts';
import { estimateMonthlyCost } from './cost.ts';
import { parseGeneratorArgs, writeDataset } from './generate.ts';
import { benchJobs } from './jobs.ts';
import { installDynamoMeter } from './lib/dynamo-meter.ts';
import { summarise } from './lib/stats.ts';
import { planCounts, planDataset } from './plan.ts';
import { type BenchResults, printReport } from './report.ts';
import { benchWeb, buildWebApp } from './web.ts';

const parts = ['api', 'close', 'bundles', 'web'] as const;
type Part = (typeof parts)[number];

const rawTableClient = (endpoint: string) =>
  new DynamoDBClient({ endpoint, region: 'eu-west-1', credentials: LOCAL_CREDENTIALS });

async function tableBytes(client: DynamoDBClient, tableName: string): Promise<number> {
  try {
    // The table and its indexes: on-demand storage bills both.
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const indexes = (Table?.GlobalSecondaryIndexes ?? []).reduce(
      (sum, i) => sum + (i.IndexSizeBytes ?? 0),
      0,
    );
    return (Table?.TableSizeBytes ?? 0) + indexes;
  } finally {
    client.destroy();
  }
}

async function main(): Promise<void> {
  const options = parseGeneratorArgs(process.argv.slice(2), {
    only: { type: 'string' },
    quick: { type: 'boolean' },
  });
  const only = String(options.rest.only ?? parts.join(','))
    .split(',')
    .map((p) => p.trim());
  const unknown = only.filter((p) => !(parts as readonly string[]).includes(p));
  if (unknown.length) throw new Error(`--only takes ${parts.join(', ')}; not ${unknown.join(', ')}`);
  const wanted = (part: Part) => only.includes(part);
  const quick = options.rest.quick === true;
  const started = Date.now();
  const progress = (line: string) =>
    console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    freeGb: Math.round(freemem() / 2 ** 30),
    node: process.version,
  };
  progress(
    `Benchmark: seed ${options.seed}, scale ${options.scale}, closing ${options.semester}; ${only.join(', ')}`,
  );
  const results: BenchResults = { options, machine, quick };

  const webDir = mkdtempSync(join(tmpdir(), 'ilo-bench-web-'));
  let webSizes: ReturnType<typeof buildWebApp> | undefined;
  if (wanted('web')) {
    progress('Web: building the app (Vite, with its manifest) …');
    webSizes = buildWebApp(webDir);
  }
  if (wanted('api') || wanted('close') || wanted('web')) {
    const s3Dir = mkdtempSync(join(tmpdir(), 'ilo-bench-s3-'));
    const services = await startBackingServices({ s3Dir });
    try {
      const app = await startLocalApp({
        services,
        tableName: 'ilo-bench',
        bucket: 'ilo-bench',
        ...(webSizes ? { webDir } : {}),
        log: (line) => {
          if (line.includes('dead letters') || line.includes('failed')) progress(line);
        },
      });
      try {
        const meter = installDynamoMeter(dynamo());
        const plan = planDataset(options);
        results.dataset = planCounts(plan);
        progress(`Data set: ${JSON.stringify(results.dataset)}`);
        progress('Writing it through the product’s use cases …');
        const written = await writeDataset(plan, { progress });
        results.generationSeconds = written.seconds;
        const rawClient = DynamoDBDocumentClient.from(rawTableClient(services.dynamoEndpoint), {
          marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
        });
        const login = async (organisation: string, role: string) => {
          const response = await fetch(`${app.baseUrl}/api/dev/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ organisation, role }),
          });
          if (!response.ok) throw new Error(`dev login ${organisation} ${role}: ${response.status}`);
          return ((await response.json()) as { token: string }).token;
        };
        if (wanted('api')) {
          progress('API: each endpoint at each concurrency, then its DynamoDB calls replayed …');
          results.api = await benchApi(
            { baseUrl: app.baseUrl, written, meter, rawClient, login, progress },
            {
              concurrencies: [1, 8, 32],
              maxMs: quick ? 1000 : 2000,
              maxRequests: quick ? 100 : 300,
            },
          );
        }
        rawClient.destroy();
        if (wanted('close')) {
          progress('Jobs: reminders, personal-data erasure, reference data …');
          results.jobs = await benchJobs({ plan, meter });
        }
        if (webSizes) {
          progress('Web: first render of the full contribution form in Chromium …');
          try {
            results.web = await benchWeb({
              baseUrl: app.baseUrl,
              plan,
              sizes: webSizes,
              renders: quick ? 2 : 7,
              progress,
            });
          } catch (error) {
            // Without a browser (no Chromium here) the rest is still worth its table.
            results.webProblem = error instanceof Error ? error.message.split('\n')[0] : String(error);
            results.web = { ...webSizes, fields: 0, valuesBytes: 0, render: summarise([], 0) };
            progress(`  the first render was not measured: ${results.webProblem}`);
          }
        }
        if (wanted('close')) {
          progress(`Close of ${plan.semesters.closing} and report generation of every network …`);
          results.close = await benchClose({
            semesterId: plan.semesters.closing,
            meter,
            s3: s3(),
            reportQueue: app.reportQueue,
            progress,
          });
        }
        if (results.api) {
          results.cost = estimateMonthlyCost({
            api: results.api,
            ...(results.close ? { close: results.close } : {}),
            ...(results.jobs ? { jobs: results.jobs } : {}),
            tableBytes: await tableBytes(rawTableClient(services.dynamoEndpoint), 'ilo-bench'),
            ...(results.close ? { reportBytesPerSemester: results.close.s3Bytes } : {}),
          });
        }
      } finally {
        await app.stop();
      }
    } finally {
      await services.stop();
      rmSync(s3Dir, { recursive: true, force: true });
    }
  }
  rmSync(webDir, { recursive: true, force: true });
  if (wanted('bundles')) {
    progress('Bundles: every function built with the stack’s options, then imported in fresh processes …');
    results.bundles = await benchBundles({ imports: quick ? 1 : 3, progress });
  }
  printReport(results);
  progress('Done.');
}

export type { EndpointMeasurement };

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

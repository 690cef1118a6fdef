/**
 * The benchmark's one table (Markdown, so that docs/benchmarks.md can hold it as printed). Every
 * row is one measurement; columns that do not apply to it stay empty.
 */
import type { EndpointMeasurement } from './api.ts';
import type { BundleMeasurement } from './bundles.ts';
import type { CloseMeasurement } from './close.ts';
import type { CostEstimate } from './cost.ts';
import type { JobMeasurement } from './jobs.ts';
import { ms } from './lib/stats.ts';
import type { GeneratorOptions, planCounts } from './plan.ts';
import type { WebMeasurement } from './web.ts';

export interface BenchResults {
  options: GeneratorOptions;
  machine: { cpus: number; cpuModel: string; memoryGb: number; freeGb: number; node: string };
  quick: boolean;
  dataset?: ReturnType<typeof planCounts>;
  generationSeconds?: number;
  api?: EndpointMeasurement[];
  close?: CloseMeasurement;
  jobs?: JobMeasurement[];
  bundles?: BundleMeasurement[];
  web?: WebMeasurement;
  /** Why the first render could not be measured (the sizes still are). */
  webProblem?: string;
  cost?: CostEstimate;
}

/** Read endpoints: p99 within twice the p99 of the DynamoDB calls they make. */
export const READ_P99_RATIO_TARGET = 2;
export const CLOSE_TARGET_SECONDS = 60;
export const BUNDLE_TARGET_BYTES = 500 * 1024;
export const WEB_JS_TARGET_BYTES = 250 * 1024;

const columns = [
  'part',
  'what',
  'n',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'rate / size',
  'raw p50',
  'raw p95',
  'raw p99',
  'p99 / raw',
  'capacity',
  'target',
  'note',
] as const;
type Row = Partial<Record<(typeof columns)[number], string>>;

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const units = (read: number, write: number) =>
  [read ? `${read.toFixed(1)} RRU` : '', write ? `${write.toFixed(1)} WRU` : ''].filter(Boolean).join(' ');
const verdict = (met: boolean, text: string) => `${met ? 'met' : 'MISSED'}: ${text}`;

function apiRows(api: EndpointMeasurement[]): Row[] {
  return api.flatMap((endpoint) =>
    endpoint.levels.map((level) => {
      const ratio = level.raw.count ? level.api.p99 / level.raw.p99 : Number.NaN;
      return {
        part: `API ${endpoint.kind}`,
        what: `${endpoint.endpoint} ×${level.concurrency}`,
        n:
          String(level.api.count) + (level.failures.length ? ` (${level.failures.length} kinds failed)` : ''),
        'p50 ms': ms(level.api.p50),
        'p95 ms': ms(level.api.p95),
        'p99 ms': ms(level.api.p99),
        'rate / size': `${level.api.throughput.toFixed(0)}/s`,
        'raw p50': ms(level.raw.p50),
        'raw p95': ms(level.raw.p95),
        'raw p99': ms(level.raw.p99),
        'p99 / raw': Number.isFinite(ratio) ? `${ratio.toFixed(1)}×` : '',
        capacity: `${units(endpoint.dynamo.readUnits, endpoint.dynamo.writeUnits)} (${endpoint.dynamo.calls.toFixed(0)} calls)`,
        target:
          endpoint.kind === 'read' && Number.isFinite(ratio)
            ? verdict(ratio <= READ_P99_RATIO_TARGET, `p99 ≤ ${READ_P99_RATIO_TARGET}× raw`)
            : '',
      };
    }),
  );
}

function closeRows(close: CloseMeasurement): Row[] {
  return [
    {
      part: 'close',
      what: `close ${close.semester} + reports of ${close.networks} networks (total)`,
      n: String(close.reports),
      'p50 ms': ms(close.perReport.p50),
      'p95 ms': ms(close.perReport.p95),
      'p99 ms': ms(close.perReport.p99),
      'rate / size': `${close.totalSeconds.toFixed(1)} s`,
      capacity: units(close.readUnits, close.writeUnits),
      target: verdict(close.totalSeconds <= CLOSE_TARGET_SECONDS, `≤ ${CLOSE_TARGET_SECONDS} s`),
    },
    {
      part: 'close',
      what: 'peak memory during the close (RSS of the whole process)',
      'rate / size': `${(close.peakRssBytes / 2 ** 20).toFixed(0)} MB`,
      note: `${(close.startRssBytes / 2 ** 20).toFixed(0)} MB when it began`,
    },
    {
      part: 'close',
      what: 'report files written to S3 (all formats)',
      n: String(close.s3Puts),
      'rate / size': `${(close.s3Bytes / 2 ** 20).toFixed(1)} MB`,
    },
  ];
}

function jobRows(jobs: JobMeasurement[]): Row[] {
  return jobs.map((job) => ({
    part: 'job',
    what: `${job.job} (${job.when})`,
    n: '1',
    'p50 ms': ms(job.ms),
    capacity: units(job.readUnits, job.writeUnits),
    note: JSON.stringify(job.result),
  }));
}

function bundleRows(bundles: BundleMeasurement[]): Row[] {
  return bundles.map((bundle) => ({
    part: 'bundle',
    what: bundle.name,
    n: String(bundle.imports.count),
    'p50 ms': ms(bundle.imports.p50),
    'p95 ms': ms(bundle.imports.p95),
    'rate / size': kib(bundle.bytes),
    target: verdict(bundle.bytes <= BUNDLE_TARGET_BYTES, `≤ ${kib(BUNDLE_TARGET_BYTES)}`),
    note: `import time; largest: ${bundle.largest.map(([name, bytes]) => `${name} ${kib(bytes)}`).join(', ')}`,
  }));
}

function webRows(web: WebMeasurement): Row[] {
  return [
    {
      part: 'web',
      what: `initial JS, gzip (${web.initialJs.files.length} files)`,
      'rate / size': kib(web.initialJs.gzipBytes),
      target: verdict(web.initialJs.gzipBytes <= WEB_JS_TARGET_BYTES, `≤ ${kib(WEB_JS_TARGET_BYTES)}`),
    },
    {
      part: 'web',
      what: `initial CSS, gzip (${web.initialCss.files.length} files)`,
      'rate / size': kib(web.initialCss.gzipBytes),
    },
    ...(web.render.count === 0
      ? []
      : [
          {
            part: 'web',
            what: `first render of the full contribution form (${web.fields} fields, ${(web.valuesBytes / 1024).toFixed(0)} KB of values)`,
            n: String(web.render.count),
            'p50 ms': ms(web.render.p50),
            'p95 ms': ms(web.render.p95),
            'p99 ms': ms(web.render.p99),
          },
        ]),
  ];
}

function costRows(cost: CostEstimate): Row[] {
  return [
    ...cost.lines.map((line) => ({
      part: 'cost',
      what: line.what,
      'rate / size': `$${line.usdPerMonth.toFixed(2)}/month`,
      capacity: line.basis,
    })),
    {
      part: 'cost',
      what: 'total, on demand, eu-west-1',
      'rate / size': `$${cost.totalUsdPerMonth.toFixed(2)}/month`,
    },
  ];
}

function markdownTable(rows: Row[]): string {
  const used = columns.filter((c) => rows.some((r) => r[c]));
  const cell = (value: string | undefined) => (value ?? '').replaceAll('|', '\\|');
  return [
    `| ${used.join(' | ')} |`,
    `| ${used.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${used.map((c) => cell(row[c])).join(' | ')} |`),
  ].join('\n');
}

export function printReport(results: BenchResults): void {
  const { options, machine, dataset } = results;
  const rows = [
    ...(results.api ? apiRows(results.api) : []),
    ...(results.close ? closeRows(results.close) : []),
    ...(results.jobs ? jobRows(results.jobs) : []),
    ...(results.bundles ? bundleRows(results.bundles) : []),
    ...(results.web ? webRows(results.web) : []),
    ...(results.webProblem
      ? [{ part: 'web', what: 'first render: not measured', note: results.webProblem }]
      : []),
    ...(results.cost ? costRows(results.cost) : []),
  ];
  const lines = [
    '',
    `ILO Network Platform benchmark: scale ${options.scale}, seed ${options.seed}, closing ${options.semester}${results.quick ? ' (quick run: short windows, not for publication)' : ''}`,
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}`,
    ...(dataset
      ? [
          `Data: ${dataset.activeIlos} active ILOs of ${dataset.states} states in ${dataset.hostCountries} host countries (+${dataset.regions} regional networks), ` +
            `${dataset.secondments} secondments, ${dataset.activities} activities, ${dataset.arrangements} arrangements, ` +
            `${dataset.contributions} contributions (${(dataset.contributionBytes / 2 ** 20).toFixed(0)} MB of values) over ${dataset.semesters.join(', ')}` +
            (results.generationSeconds ? `; written in ${results.generationSeconds.toFixed(0)} s` : ''),
        ]
      : []),
    '',
    markdownTable(rows),
    '',
  ];
  console.log(lines.join('\n'));
}

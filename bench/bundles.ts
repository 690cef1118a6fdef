/**
 * Each Lambda function's bundle, built with the stack's own bundling options (infra/bundling.ts):
 * its minified size, what is biggest in it (esbuild's metafile), and the time a fresh Node process
 * takes to import it (what a cold start pays before the first request, on top of the runtime's own
 * start). The bundles are written outside the repository, where no node_modules can help them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { bundlingFor, deployedFunctions, esbuildOptionsOf } from '../infra/bundling.ts';
import { REPO_ROOT } from '../infra/paths.ts';
import { type LatencySummary, summarise } from './lib/stats.ts';

export interface BundleMeasurement {
  name: string;
  entry: string;
  bytes: number;
  /** The packages (or our own folders) that weigh most in it, with their bytes. */
  largest: [string, number][];
  imports: LatencySummary;
}

/** Time of `await import(bundle)` in a new Node process, as the stack's environment would configure it. */
function importMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); console.log(performance.now() - t);`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: {
      PATH: process.env.PATH,
      TABLE_NAME: 'ilo-network',
      REPORTS_BUCKET: 'ilo-network-reports',
      AWS_REGION: 'eu-west-1',
      NODE_OPTIONS: '--enable-source-maps',
      POWERTOOLS_SERVICE_NAME: 'ilo-network',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    encoding: 'utf8',
  });
  return Number(output.trim());
}

const packageOf = (input: string) => {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return match ? (match[1] as string) : input.split('/').slice(0, 2).join('/');
};

export async function benchBundles(options: {
  imports: number;
  progress(line: string): void;
}): Promise<BundleMeasurement[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'ilo-bench-bundles-'));
  const results: BundleMeasurement[] = [];
  try {
    for (const { name, spec } of deployedFunctions()) {
      const outfile = join(outDir, name, 'index.mjs');
      const result = await build({
        ...esbuildOptionsOf(bundlingFor(spec)),
        entryPoints: [join(REPO_ROOT, 'functions', spec.entry)],
        outfile,
        metafile: true,
        logLevel: 'error',
      });
      const output =
        result.metafile.outputs[Object.keys(result.metafile.outputs).find((k) => k.endsWith('.mjs')) ?? ''];
      if (!output) throw new Error(`no bundle for ${name}`);
      const byPackage = new Map<string, number>();
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
      }
      const times = Array.from({ length: options.imports }, () => importMs(outfile));
      results.push({
        name,
        entry: spec.entry,
        bytes: output.bytes,
        largest: [...byPackage.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4),
        imports: summarise(
          times,
          times.reduce((sum, t) => sum + t, 0),
        ),
      });
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  options.progress(`  ${results.length} bundles built and imported`);
  return results;
}

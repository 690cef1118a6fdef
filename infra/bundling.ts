/**
 * How every Lambda function is bundled, defined once: the stateless stack gives these options to
 * NodejsFunction, and the benchmark (bench/bundles.ts) builds the same entries with esbuild through
 * `esbuildOptionsOf`, which translates them the way NodejsFunction does, so both get the same bundle.
 */
import { join } from 'node:path';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';
import { jobs, type Route, routes } from '#functions/routes.ts';
import { type Endpoint, endpoints } from '#shared/api/endpoints.ts';
import { REPO_ROOT } from './paths.ts';

// Some bundled dependencies are CommonJS and call `require`, which an ES module does not have.
const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/**
 * fontkit (pdfkit's font engine) decodes WOFF2 fonts with the brotli package, whose dictionary alone is
 * 450 KB minified. The reports embed TrueType fonts only, so the renderers' bundles get a stand-in.
 */
export const BROTLI_STAND_IN = join(REPO_ROOT, 'infra', 'bundling-stand-ins', 'brotli-decompress.mjs');

/**
 * The SDK's default credential chain, reduced to what Lambda uses: the environment. Functions are
 * bundled for Lambda only (no SnapStart, which would hand credentials another way).
 */
export const CREDENTIALS_STAND_IN = join(
  REPO_ROOT,
  'infra',
  'bundling-stand-ins',
  'credential-provider-node.mjs',
);

export const lambdaBundling: nodejs.BundlingOptions = {
  format: nodejs.OutputFormat.ESM,
  target: 'node22',
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  minify: true,
  sourceMap: true,
  // Stack traces are mapped by NODE_OPTIONS=--enable-source-maps; the sources themselves are not needed.
  sourcesContent: false,
  // The SDK version is pinned in package-lock.json; do not rely on the one the runtime happens to ship.
  // It is most of an API function's bundle, and still the faster cold start: see docs/benchmarks.md.
  bundleAwsSDK: true,
  esbuildArgs: {
    '--alias': [
      `brotli/decompress.js=${BROTLI_STAND_IN}`,
      `@aws-sdk/credential-provider-node=${CREDENTIALS_STAND_IN}`,
    ],
  },
  forceDockerBundling: false,
};

// Functions that render PDFs carry the DejaVu fonts in their bundle (REPORT_FONT_DIR points at them).
export const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

export const lambdaBundlingWithFonts: nodejs.BundlingOptions = {
  ...lambdaBundling,
  commandHooks: {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir: string, outputDir: string) => [
      `mkdir -p "${outputDir}/fonts"`,
      ...FONT_FILES.map(
        (file) => `cp "${inputDir}/node_modules/dejavu-fonts-ttf/ttf/${file}" "${outputDir}/fonts/${file}"`,
      ),
    ],
  },
};

// What esbuildOptionsOf translates; anything else would make the benchmark's bundle differ from the stack's.
const translated = new Set([
  'format',
  'target',
  'mainFields',
  'banner',
  'minify',
  'sourceMap',
  'sourcesContent',
  'bundleAwsSDK',
  'externalModules',
  'esbuildArgs',
  'forceDockerBundling',
  'commandHooks',
]);

/**
 * The esbuild build options NodejsFunction derives from `bundling` (aws-lambda-nodejs: `--bundle
 * --platform=node` and one flag per option). Throws on an option it does not translate.
 */
export function esbuildOptionsOf(bundling: nodejs.BundlingOptions): BuildOptions {
  const untranslated = Object.keys(bundling).filter((key) => !translated.has(key));
  if (untranslated.length) throw new Error(`esbuildOptionsOf does not translate: ${untranslated.join(', ')}`);
  const alias: Record<string, string> = {};
  for (const [key, value] of Object.entries(bundling.esbuildArgs ?? {})) {
    if (key !== '--alias') throw new Error(`esbuildOptionsOf: esbuildArgs ${key}`);
    // NodejsFunction passes each as --alias:<from>=<to>.
    for (const pair of Array.isArray(value) ? value : [value]) {
      const [from, to] = String(pair).split('=');
      if (!from || !to) throw new Error(`esbuildOptionsOf: --alias ${pair}`);
      alias[from] = to;
    }
  }
  return {
    bundle: true,
    platform: 'node',
    format: bundling.format === nodejs.OutputFormat.ESM ? 'esm' : 'cjs',
    ...(bundling.target ? { target: bundling.target } : {}),
    ...(bundling.mainFields ? { mainFields: bundling.mainFields } : {}),
    ...(bundling.banner ? { banner: { js: bundling.banner } } : {}),
    minify: bundling.minify ?? false,
    sourcemap: bundling.sourceMap ?? false,
    sourcesContent: bundling.sourcesContent ?? true,
    // NodejsFunction leaves the SDK out unless asked to bundle it (Node.js 18 and later runtimes).
    external: bundling.externalModules ?? (bundling.bundleAwsSDK ? [] : ['@aws-sdk/*', '@smithy/*']),
    alias,
  };
}

/** The options a function is bundled with: the renderers carry the report fonts. */
export const bundlingFor = (spec: Pick<Route, 'rendersDocuments'>): nodejs.BundlingOptions =>
  spec.rendersDocuments ? lambdaBundlingWithFonts : lambdaBundling;

/** Local-only endpoints (the dev login) must never be reachable on AWS. */
export const isDeployedRoute = (route: Route): boolean => !(endpoints[route.endpoint] as Endpoint).localOnly;

/** Every function the stack deploys: the API's routes (but the local-only ones) and the jobs. */
export function deployedFunctions(): { name: string; spec: Omit<Route, 'endpoint'> }[] {
  return [
    ...routes.filter(isDeployedRoute).map((route) => ({ name: route.endpoint, spec: route })),
    ...Object.entries(jobs).map(([name, spec]) => ({ name, spec })),
  ];
}

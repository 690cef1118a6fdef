/**
 * The web app: the gzip size of what the first page load downloads (the entry chunk and its static
 * imports, and their CSS, from Vite's manifest), and the time to first render the full contribution
 * form in Chromium, on the local runtime with the benchmark's data: from navigation until the form's
 * last field is on the page, with every field filled.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { currentReportTemplateVersion, reportTemplate, templateFields } from '#shared/report-templates.ts';
import { REPO_ROOT } from '../infra/paths.ts';
import { launchBrowser, signInThroughPage } from '../test/support/browser.ts';
import { type LatencySummary, summarise } from './lib/stats.ts';
import type { DatasetPlan } from './plan.ts';

export interface WebMeasurement {
  initialJs: { files: string[]; gzipBytes: number };
  initialCss: { files: string[]; gzipBytes: number };
  /** The form measured: its fields, and the contribution's size. */
  fields: number;
  valuesBytes: number;
  render: LatencySummary;
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/** Builds the web app into `outDir` (Vite, with its manifest) and answers the initial JS and CSS. */
export function buildWebApp(outDir: string) {
  execFileSync(
    process.execPath,
    [
      join(REPO_ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      join(REPO_ROOT, 'web/vite.config.ts'),
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--manifest',
      '--logLevel',
      'warn',
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  // The entry and everything it imports statically; lazy routes (dynamic imports) come later.
  const js = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || js.has(chunk.file)) return;
    js.add(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  const gzipped = (files: Set<string>) =>
    [...files].reduce((sum, file) => sum + gzipSync(readFileSync(join(outDir, file))).length, 0);
  return {
    initialJs: { files: [...js], gzipBytes: gzipped(js) },
    initialCss: { files: [...css], gzipBytes: gzipped(css) },
  };
}

/** A draft (still editable) contribution of the closing semester in the biggest network that has one. */
function draftToOpen(plan: DatasetPlan) {
  const drafts = plan.contributions.filter((c) => c.semester === plan.semesters.closing && !c.submittedAt);
  const byNetwork = (id: string) => plan.hostCountries.indexOf(id) + (id.startsWith('R-') ? 1000 : 0);
  const draft = [...drafts].sort((a, b) => byNetwork(a.networkId) - byNetwork(b.networkId))[0];
  if (!draft) throw new Error('the data set has no draft contribution to open');
  return draft;
}

export async function benchWeb(context: {
  baseUrl: string;
  plan: DatasetPlan;
  sizes: Pick<WebMeasurement, 'initialJs' | 'initialCss'>;
  renders: number;
  progress(line: string): void;
}): Promise<WebMeasurement> {
  const draft = draftToOpen(context.plan);
  const template = reportTemplate(currentReportTemplateVersion);
  const lastField = template ? templateFields(template).at(-1)?.id : undefined;
  if (!lastField) throw new Error('no report template');
  const lastControl = `#contribution-${lastField.replaceAll('.', '-')}`;
  const url = `${context.baseUrl}/semesters/${draft.semester}/networks/${draft.networkId}/contributions/${draft.state}`;
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  const pageErrors: Error[] = [];
  try {
    const page: Page = await signInThroughPage(
      { browser, baseUrl: context.baseUrl, contexts, pageErrors },
      // The sign-in page names organisations and roles in English, as the browser's locale does.
      new Intl.DisplayNames('en-GB', { type: 'region' }).of(draft.state) ?? draft.state,
      'Editor',
    );
    const times: number[] = [];
    let fields = 0;
    for (let i = 0; i < context.renders + 1; i++) {
      const started = performance.now();
      await page.goto(url);
      await page.locator(lastControl).waitFor({ state: 'visible', timeout: 60_000 });
      const elapsed = performance.now() - started;
      // The first load fills the browser's cache; the figure is for the loads after it.
      if (i > 0) times.push(elapsed);
      fields = await page
        .locator('[id^="contribution-"]:is(input, textarea, select, fieldset, table)')
        .count();
      const firstText = await page.locator('textarea').first().inputValue();
      if (firstText.length < 1000) throw new Error('the contribution form opened without its text');
    }
    if (pageErrors.length) throw new Error(`the page failed: ${pageErrors[0]?.message}`);
    context.progress(`  ${url} rendered ${context.renders} times`);
    return {
      ...context.sizes,
      fields,
      valuesBytes: Buffer.byteLength(JSON.stringify(draft.values)),
      render: summarise(
        times,
        times.reduce((sum, t) => sum + t, 0),
      ),
    };
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
    await browser.close();
  }
}

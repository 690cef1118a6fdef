// `npm run audit:deps`: the production dependencies (what the Lambda bundles and the web app ship)
// against the npm advisory database. Fails on any high or critical advisory that docs/security.md
// does not explain below, and fails loudly when the audit cannot be run at all: a silent pass would
// read as "no issue".
import { spawnSync } from 'node:child_process';

/** Advisories judged and explained in docs/security.md ("Dependencies"), by GHSA id. None today. */
const explained = {};

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = undefined;
}
if (!report?.metadata?.vulnerabilities) {
  const why =
    [report?.error?.summary, report?.message, run.stderr.trim().split('\n').at(-1)].find(Boolean) ??
    'no answer';
  console.error(`audit:deps: the npm audit could not be run (${why}). Nothing was checked.`);
  process.exit(2);
}

const serious = Object.values(report.vulnerabilities)
  .filter((v) => v.severity === 'high' || v.severity === 'critical')
  .flatMap((v) =>
    v.via
      .filter((via) => typeof via === 'object')
      .map((via) => ({
        package: v.name,
        severity: v.severity,
        id: via.url?.split('/').at(-1),
        title: via.title,
      })),
  );
const unexplained = serious.filter((advisory) => !explained[advisory.id]);
const counts = report.metadata.vulnerabilities;
console.log(
  `audit:deps: ${report.metadata.dependencies?.prod ?? '?'} production dependencies; advisories: ` +
    `${counts.critical} critical, ${counts.high} high, ${counts.moderate} moderate, ${counts.low} low.`,
);
for (const advisory of serious) {
  const note = explained[advisory.id] ? `explained: ${explained[advisory.id]}` : 'NOT EXPLAINED';
  console.log(`  ${advisory.severity} ${advisory.package} ${advisory.id}: ${advisory.title} (${note})`);
}
process.exit(unexplained.length > 0 ? 1 : 0);

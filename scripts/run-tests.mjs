// `npm test`: prerequisites, the web build the browser suite serves, every Vitest suite, and a
// closing line `N passed, N failed` that any CI can read.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;

if (run('node', ['scripts/ensure-test-prerequisites.mjs']) !== 0) process.exit(1);
if (run('npm', ['run', '--silent', 'build:web']) !== 0) process.exit(1);

const resultsFile = 'test-results/vitest.json';
rmSync(resultsFile, { force: true });
const status = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${resultsFile}`,
  ...process.argv.slice(2),
]);

try {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  const skipped = results.numPendingTests + results.numTodoTests;
  console.log(
    `\nvitest: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`,
  );
} catch {
  console.log('\nvitest: 0 passed, 1 failed (no results were written)');
}
process.exit(status);

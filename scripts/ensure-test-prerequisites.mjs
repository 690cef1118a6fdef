// Before `npm test` and in CI (.ci/run): the system packages any suite needs, in one table. Installs
// the missing ones when it can (root with apt-get on PATH), otherwise stops with one line saying what
// to install. Never lets a suite skip or fail later for want of a tool. Plain Node, no dependencies:
// CI runs it before `npm ci`.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** One row per Debian package: what proves it is there (commands on PATH, or a file), and why. */
const prerequisites = [
  { pkg: 'openjdk-17-jre-headless', commands: ['java'], why: 'DynamoDB Local needs Java 17' },
  { pkg: 'chromium', file: chromium, why: `the browser tests need Chromium at ${chromium}` },
  {
    pkg: 'poppler-utils',
    commands: ['pdftotext', 'pdfinfo', 'pdftoppm'],
    why: 'the report tests read the generated PDFs with pdftotext, pdfinfo and pdftoppm',
  },
];

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir || '.', command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const isPresent = (row) => (row.file ? existsSync(row.file) : row.commands.every(onPath));
const missingNow = () => prerequisites.filter((row) => !isPresent(row));

const missing = missingNow();
if (missing.length > 0) {
  const packages = missing.map((row) => row.pkg);
  const reasons = missing.map((row) => row.why).join('; ');
  const canInstall = process.getuid?.() === 0 && onPath('apt-get');
  if (!canInstall) {
    console.error(
      `Cannot run the tests: ${reasons}. Install with: sudo apt-get install -y ${packages.join(' ')}`,
    );
    process.exit(1);
  }
  console.log(`Installing ${packages.join(', ')} (${reasons}) ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env,
  });
  const stillMissing = missingNow();
  if (stillMissing.length > 0) {
    console.error(
      `Cannot run the tests: apt-get installed ${packages.join(' ')} but ${stillMissing.map((row) => row.why).join('; ')}.`,
    );
    process.exit(1);
  }
}

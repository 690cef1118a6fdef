// Before `npm test`: the system packages the suites need. Installs them when it can (root with
// apt-get), otherwise stops with one line saying what to install. Never skips a suite silently.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const missing = [];
if (spawnSync('java', ['-version']).error)
  missing.push({ pkg: 'openjdk-17-jre-headless', why: 'DynamoDB Local needs Java 17' });
if (!existsSync(CHROMIUM))
  missing.push({ pkg: 'chromium', why: `the browser tests need Chromium at ${CHROMIUM}` });

if (missing.length > 0) {
  const packages = missing.map((m) => m.pkg);
  const canInstall = process.getuid?.() === 0 && !spawnSync('apt-get', ['--version']).error;
  if (!canInstall) {
    console.error(
      `Cannot run the tests: ${missing.map((m) => m.why).join('; ')}. Install with: sudo apt-get install -y ${packages.join(' ')}`,
    );
    process.exit(1);
  }
  console.log(`Installing ${packages.join(', ')} (${missing.map((m) => m.why).join('; ')}) ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env,
  });
}

import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * scripts/ensure-test-prerequisites.mjs run with a PATH of our making: a folder of symlinks to the
 * tools it should find. Without apt-get on that PATH it cannot install, so it must name what is
 * missing and stop.
 */
const script = fileURLToPath(new URL('../../scripts/ensure-test-prerequisites.mjs', import.meta.url));

function whereOnPath(command: string): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  throw new Error(`${command} is not on this machine's PATH`);
}

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function runWithOnly(commands: string[]) {
  const bin = mkdtempSync(join(tmpdir(), 'prerequisites-'));
  folders.push(bin);
  symlinkSync(process.execPath, join(bin, 'node'));
  for (const command of commands) symlinkSync(whereOnPath(command), join(bin, command));
  return spawnSync(join(bin, 'node'), [script], {
    encoding: 'utf8',
    // An existing file stands in for Chromium: the probe is that the file is there.
    env: { PATH: bin, CHROMIUM_PATH: script },
  });
}

describe('the test prerequisites check', () => {
  it('stops with one line naming poppler-utils when pdftotext is missing and it cannot install', () => {
    const run = runWithOnly(['java']);
    expect(run.status).not.toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    // Only poppler-utils is to install: Java and the Chromium file were found.
    expect(lines[0]).toMatch(/apt-get install -y poppler-utils$/);
    expect(run.stdout).toBe('');
  });

  it('passes when every probe is present', () => {
    const run = runWithOnly(['java', 'pdftotext', 'pdfinfo', 'pdftoppm']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The import boundaries of docs/architecture.md are checked by `npm run lint` (Biome's
 * noRestrictedImports in biome.json's overrides). Here the repository's own configuration lints
 * fixture files in a scratch folder laid out like the repository: each violation must fail the
 * check naming the boundary, and the imports the table allows must pass.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const biome = join(root, 'node_modules', '.bin', 'biome');
const scratch = mkdtempSync(join(tmpdir(), 'boundaries-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// A scratch folder is no git checkout: the same rules, without the VCS integration.
const { vcs: _vcs, ...config } = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8'));

let fixtures = 0;
function lint(file: string, importLine: string) {
  const folder = join(scratch, `case-${++fixtures}`);
  const path = join(folder, file);
  mkdirSync(dirname(path), { recursive: true });
  // Each case is a repository of its own, so that the overrides' folder patterns apply as at the root.
  writeFileSync(join(folder, 'biome.json'), JSON.stringify(config));
  writeFileSync(path, `${importLine}\n\nexport const used = imported;\n`);
  const run = spawnSync(biome, ['lint', file], {
    cwd: folder,
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const violations: [string, string, string, RegExp][] = [
  [
    'shared through a subpath import',
    'shared/x.ts',
    "import { imported } from '#functions/lib/aws.ts';",
    /shared\/ imports nothing of ours/,
  ],
  [
    'shared through a relative path',
    'shared/api/x.ts',
    "import { imported } from '../../functions/routes.ts';",
    /shared\/ imports nothing of ours/,
  ],
  [
    'shared importing the web app',
    'shared/x.ts',
    "import { imported } from '../web/src/lib/i18n.ts';",
    /shared\/ imports nothing of ours/,
  ],
  [
    'functions importing local',
    'functions/lib/x.ts',
    "import { imported } from '../../local/runtime.ts';",
    /functions\/ imports only shared\//,
  ],
  [
    'functions importing test',
    'functions/x.ts',
    "import { imported } from '../test/support/app.ts';",
    /functions\/ imports only shared\//,
  ],
  [
    'functions importing infra',
    'functions/x.ts',
    "import { imported } from '../infra/environment.ts';",
    /functions\/ imports only shared\//,
  ],
  [
    'web through a subpath import',
    'web/src/lib/x.ts',
    "import { imported } from '#functions/lib/capabilities.ts';",
    /web\/ imports only shared\//,
  ],
  [
    'a web feature through a relative path',
    'web/src/features/feed/api/x.ts',
    "import { imported } from '../../../../functions/routes.ts';",
    /web\/ imports only shared\//,
  ],
  [
    'a web feature importing another',
    'web/src/features/feed/components/x.tsx',
    "import { imported } from '../../secondments/api/secondments.ts';",
    /a web feature imports no other feature/,
  ],
  [
    'infra importing a use case',
    'infra/x.ts',
    "import { imported } from '#functions/lib/aws.ts';",
    /infra\/ imports the route table/,
  ],
  [
    'infra through a relative path',
    'infra/x.ts',
    "import { imported } from '../functions/lib/aws.ts';",
    /infra\/ imports the route table/,
  ],
  [
    'local importing test',
    'local/x.ts',
    "import { imported } from '../test/support/app.ts';",
    /local\/ imports functions\/ and shared\/ only/,
  ],
];

const allowed: [string, string, string][] = [
  [
    'functions importing shared and itself',
    'functions/handlers/x.ts',
    "import { imported } from '#shared/errors.ts';\nimport { other } from '../lib/aws.ts';\nexport const more = other;",
  ],
  ['infra importing the route table', 'infra/x.ts', "import { imported } from '#functions/routes.ts';"],
  ['local importing functions', 'local/x.ts', "import { imported } from '#functions/lib/http/handler.ts';"],
  [
    'a web feature importing its own parts and the shared web parts',
    'web/src/features/feed/components/x.tsx',
    "import { imported } from '../api/feed.ts';\nimport { other } from '../../../lib/i18n.ts';\nexport const more = other;",
  ],
];

describe('import boundaries (npm run lint)', () => {
  it.each(violations)('fail on %s', (_name, file, importLine, rule) => {
    const { status, output } = lint(file, importLine);
    expect(status, output).not.toBe(0);
    expect(output).toContain('lint/style/noRestrictedImports');
    expect(output).toMatch(rule);
  });

  it.each(allowed)('pass %s', (_name, file, importLine) => {
    const { status, output } = lint(file, importLine);
    expect(status, output).toBe(0);
  });
});

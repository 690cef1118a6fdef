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
function lint(file: string, specifiers: string[]) {
  const folder = join(scratch, `case-${++fixtures}`);
  const path = join(folder, file);
  mkdirSync(dirname(path), { recursive: true });
  // Each case is a repository of its own, so that the overrides' folder patterns apply as at the root.
  writeFileSync(join(folder, 'biome.json'), JSON.stringify(config));
  const imports = specifiers.map((specifier, i) => `import { name${i} } from '${specifier}';`);
  const names = specifiers.map((_, i) => `name${i}`).join(', ');
  writeFileSync(path, `${imports.join('\n')}\n\nexport const used = [${names}];\n`);
  const run = spawnSync(biome, ['lint', file], {
    cwd: folder,
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Each boundary's message (as biome.json words it), and files importing what it forbids. */
const violations: Record<string, [file: string, specifier: string][]> = {
  'shared/ imports nothing of ours': [
    ['shared/x.ts', '#functions/lib/aws.ts'],
    ['shared/api/x.ts', '../../functions/routes.ts'],
    ['shared/x.ts', '../web/src/lib/i18n.ts'],
  ],
  'functions/ imports only shared/': [
    ['functions/lib/x.ts', '../../local/runtime.ts'],
    ['functions/x.ts', '../test/support/app.ts'],
    ['functions/x.ts', '../infra/environment.ts'],
  ],
  'web/ imports only shared/': [
    ['web/src/lib/x.ts', '#functions/lib/capabilities.ts'],
    ['web/src/features/feed/api/x.ts', '../../../../functions/routes.ts'],
  ],
  'a web feature imports no other feature': [
    ['web/src/features/feed/components/x.tsx', '../../secondments/api/secondments.ts'],
  ],
  'infra/ imports the route table': [
    ['infra/x.ts', '#functions/lib/aws.ts'],
    ['infra/x.ts', '../functions/lib/aws.ts'],
  ],
  'local/ imports functions/ and shared/ only': [['local/x.ts', '../test/support/app.ts']],
};
const violationCases = Object.entries(violations).flatMap(([boundary, files]) =>
  files.map(([file, specifier]) => ({ boundary, file, specifier })),
);

/** Imports the table allows, which must pass. */
const allowed: [file: string, specifiers: string[]][] = [
  ['functions/handlers/x.ts', ['#shared/errors.ts', '../lib/aws.ts']],
  ['infra/x.ts', ['#functions/routes.ts']],
  ['local/x.ts', ['#functions/lib/http/handler.ts']],
  ['web/src/features/feed/components/x.tsx', ['../api/feed.ts', '../../../lib/i18n.ts']],
];

describe('import boundaries (npm run lint)', () => {
  it.each(violationCases)(
    'fail when $file imports $specifier: $boundary',
    ({ boundary, file, specifier }) => {
      const { status, output } = lint(file, [specifier]);
      expect(status, output).not.toBe(0);
      expect(output).toContain('lint/style/noRestrictedImports');
      expect(output).toContain(boundary);
    },
  );

  it.each(allowed)('pass when %s imports %s', (file, specifiers) => {
    const { status, output } = lint(file, specifiers);
    expect(status, output).toBe(0);
  });
});

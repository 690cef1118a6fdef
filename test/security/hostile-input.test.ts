import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo, tableName } from '#functions/lib/aws.ts';
import { type EndpointId, endpoints } from '#shared/api/endpoints.ts';
import { errorBodySchema } from '#shared/api/schemas.ts';
import { MAX_REQUEST_BODY_BYTES } from '#shared/errors.ts';
import { callers, matrix, OK, personOf } from './permission-matrix.ts';
import { storedItemProblems } from './stored-items.ts';
import { buildWorld, type World } from './world.ts';

/**
 * Hostile input on every write endpoint: valid bodies with one value made hostile (oversized, wrong
 * type, deeply nested, odd Unicode, script) or one key added (`__proto__`, `constructor`, …), any JSON
 * at all, text that is not JSON, wrong content types, and bodies over the limit. Never a 5xx, a 400
 * names the field, and nothing invalid is stored. Reproducible: FC_SEED=<n> replays a run, FC_RUNS=<factor> runs more.
 */
const SEED = Number(process.env.FC_SEED ?? 20_260_914);
/** FC_RUNS=<factor> explores more inputs (the default keeps the file near half a minute). */
const RUNS = Number(process.env.FC_RUNS ?? 1);
const MUTATIONS_PER_ENDPOINT = 30 * RUNS;
const ANY_JSON_PER_ENDPOINT = 10 * RUNS;
const NOT_JSON_PER_ENDPOINT = 6 * RUNS;

let world: World;
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

interface Base {
  id: EndpointId;
  method: string;
  path: string;
  body: unknown;
  token: string;
}
const bases: Base[] = [];

beforeAll(async () => {
  world = await buildWorld();
  const writes = (Object.keys(endpoints) as EndpointId[]).filter((id) => endpoints[id].method !== 'GET');
  for (const id of writes) {
    const row = matrix.find((r) => r.endpoint === id);
    const caller = callers.find((c) => row?.expect[c] === OK && (personOf[c] || c === 'noToken'));
    if (!row || !caller) throw new Error(`no allowed caller for ${id} in the permission matrix`);
    const target = await row.target(world);
    const person = personOf[caller];
    bases.push({
      id,
      method: endpoints[id].method,
      path: target.path,
      body: target.body,
      token: person ? world.tokens[person] : '',
    });
  }
}, 180_000);
afterAll(async () => {
  await world?.stop();
});

// ---- JSON text with real `__proto__` keys ------------------------------------------------------

/**
 * JSON text written as is, for values too large or too deep to print: fast-check shows the label
 * when it reports a failing input.
 */
class RawJson {
  constructor(
    readonly text: string,
    readonly label: string,
  ) {}
  [fc.toStringMethod]() {
    return this.label;
  }
}

/** A JSON tree whose objects are lists of entries, so any key (even `__proto__`) is written as is. */
type Tree = null | boolean | number | string | RawJson | Tree[] | { entries: [string, Tree][] };

function toTree(value: unknown): Tree {
  if (value instanceof RawJson) return value;
  if (Array.isArray(value)) return value.map(toTree);
  if (value !== null && typeof value === 'object')
    return { entries: Object.entries(value).map(([k, v]) => [k, toTree(v)]) };
  return value as Tree;
}

function jsonText(tree: Tree): string {
  if (tree instanceof RawJson) return tree.text;
  if (Array.isArray(tree)) return `[${tree.map(jsonText).join(',')}]`;
  if (tree !== null && typeof tree === 'object')
    return `{${tree.entries.map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(',')}}`;
  return JSON.stringify(tree);
}

/** Every place in the body: the path to each value (object keys and array indexes). */
function paths(tree: Tree, prefix: string[] = []): string[][] {
  const here = prefix.length ? [prefix] : [];
  if (Array.isArray(tree)) return [...here, ...tree.flatMap((v, i) => paths(v, [...prefix, String(i)]))];
  if (tree !== null && typeof tree === 'object' && 'entries' in tree)
    return [...here, ...tree.entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
  return here;
}

function objectPaths(tree: Tree, prefix: string[] = []): string[][] {
  if (Array.isArray(tree)) return tree.flatMap((v, i) => objectPaths(v, [...prefix, String(i)]));
  if (tree !== null && typeof tree === 'object' && 'entries' in tree)
    return [prefix, ...tree.entries.flatMap(([k, v]) => objectPaths(v, [...prefix, k]))];
  return [];
}

function replaceAt(tree: Tree, path: string[], value: Tree): Tree {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (Array.isArray(tree)) return tree.map((v, i) => (String(i) === head ? replaceAt(v, rest, value) : v));
  if (tree !== null && typeof tree === 'object' && 'entries' in tree)
    return { entries: tree.entries.map(([k, v]) => [k, k === head ? replaceAt(v, rest, value) : v]) };
  return tree;
}

function addKeyAt(tree: Tree, path: string[], key: string, value: Tree): Tree {
  const [head, ...rest] = path;
  if (tree === null || typeof tree !== 'object' || tree instanceof RawJson) return tree;
  if (Array.isArray(tree))
    return tree.map((v, i) => (String(i) === head ? addKeyAt(v, rest, key, value) : v));
  if (head === undefined) return { entries: [...tree.entries, [key, value]] };
  return { entries: tree.entries.map(([k, v]) => [k, k === head ? addKeyAt(v, rest, key, value) : v]) };
}

// ---- hostile values ----------------------------------------------------------------------------

const nastyStrings = [
  '',
  ' ',
  '\uD800',
  'lone low \uDC00 surrogate',
  'cut emoji \uD83D',
  '\u202Eevil right-to-left override',
  'zero\u200Bwidth\u200Djoiner\uFEFF',
  'nul\u0000byte',
  'bell\u0007 and escape\u001b[31m',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '"; DROP TABLE secondments; --',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally.
  '${7*7} {{7*7}} #{7*7}',
  '../../etc/passwd',
  '%00%2e%2e%2f',
  '__proto__',
  'ＤＥ',
  '🇩🇪👩‍👩‍👧‍👦',
  'e\u0301\u0301\u0301',
  'Ελλάδα България Čeština',
  'مرحبا بالعالم',
  '\r\n\t',
];

const hostileString = fc.oneof(
  fc.constantFrom(...nastyStrings),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

const oversized = fc
  .integer({ min: 1_000, max: 200_000 })
  .map((n) => new RawJson(JSON.stringify('x'.repeat(n)), `"x" × ${n}`));

const deeplyNested = fc
  .integer({ min: 50, max: 5_000 })
  .map((depth) => new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`, `[] nested ${depth} deep`));

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  oversized,
  fc.constantFrom(null, true, false, 0, -1, 1.5, -0.000001, 1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31),
  fc.jsonValue({ maxDepth: 3 }),
  deeplyNested,
  fc.array(hostileString, { maxLength: 5 }),
);

const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'),
  hostileString.filter((s) => s.length < 100),
);

// ---- running -----------------------------------------------------------------------------------

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: whatever the API answered.
  json: any;
}

async function send(base: Base, text: string, contentType = 'application/json'): Promise<Answer> {
  return world.call(base.method, base.path, {
    ...(base.token ? { token: base.token } : {}),
    rawBody: text,
    headers: { 'content-type': contentType },
  });
}

/** The contract's error body, with the status its code stands for. */
function errorProblem(answer: Answer): string | undefined {
  const parsed = errorBodySchema.safeParse(answer.json);
  if (!parsed.success) return `not the contract's error body: ${JSON.stringify(answer.json)?.slice(0, 200)}`;
  return undefined;
}

/** A 400 names the field: the changed path itself, a part of it, or something inside it. */
function namesField(fields: Record<string, string> | undefined, path: string[]): boolean {
  if (!fields || Object.keys(fields).length === 0) return false;
  // The whole body replaced: whatever it names is in it.
  if (path.length === 0) return true;
  const changed = path.join('.');
  // A key named "" at the top is the body's own: the error names it `(body)`.
  if (changed === '' && '(body)' in fields) return true;
  return Object.keys(fields).some(
    (key) => key === changed || key.startsWith(`${changed}.`) || changed.startsWith(`${key}.`),
  );
}

const describeAnswer = (answer: Answer) => `${answer.status} ${JSON.stringify(answer.json)?.slice(0, 300)}`;

/** One seeded property run; fast-check's failure names the seed and the smallest failing input. */
async function check<T extends unknown[]>(property: fc.IAsyncProperty<T>, runs: number, seed: number) {
  await fc.assert(property, { numRuns: runs, seed, endOnFailure: true });
}

describe('hostile input on every write endpoint', () => {
  it('covers every write endpoint of the contract', () => {
    const writes = (Object.keys(endpoints) as EndpointId[]).filter((id) => endpoints[id].method !== 'GET');
    expect(bases.map((b) => b.id).sort()).toEqual(writes.sort());
  });

  it('answers a valid body with one value or key made hostile with a 4xx naming the field, or accepts it', async () => {
    for (const [index, base] of bases.entries()) {
      const tree = toTree(base.body);
      const valuePaths = paths(tree);
      const keyPaths = objectPaths(tree);
      const mutation = fc.oneof(
        fc.record({
          kind: fc.constant('replace' as const),
          path: fc.constantFrom(...(valuePaths.length ? valuePaths : [[]])),
          value: hostileValue,
        }),
        fc.record({
          kind: fc.constant('addKey' as const),
          path: fc.constantFrom(...(keyPaths.length ? keyPaths : [[]])),
          key: hostileKey,
          value: hostileValue,
        }),
      );
      await check(
        fc.asyncProperty(mutation, async (m) => {
          const changed =
            m.kind === 'replace'
              ? replaceAt(tree, m.path, toTree(m.value))
              : addKeyAt(tree, m.path, m.key, toTree(m.value));
          const text = jsonText(changed);
          const answer = await send(base, text);
          const where = `${base.id}: ${m.kind} at ${JSON.stringify(m.path)}${m.kind === 'addKey' ? ` key ${JSON.stringify(m.key)}` : ''}`;
          if (answer.status >= 500) throw new Error(`${where}: ${describeAnswer(answer)}`);
          if (answer.status >= 200 && answer.status < 300) return;
          if (![400, 409, 413].includes(answer.status))
            throw new Error(`${where}: unexpected ${describeAnswer(answer)}`);
          const problem = errorProblem(answer);
          if (problem) throw new Error(`${where}: ${problem}`);
          if (answer.status === 413 && Buffer.byteLength(text) <= MAX_REQUEST_BODY_BYTES)
            throw new Error(`${where}: 413 for a body under the limit`);
          const path = m.kind === 'replace' ? m.path : [...m.path, m.key];
          if (answer.status === 400 && !namesField(answer.json.error.fields, path))
            throw new Error(`${where}: the 400 does not name the field: ${describeAnswer(answer)}`);
        }),
        MUTATIONS_PER_ENDPOINT,
        SEED + index,
      );
    }
  });

  it('answers any JSON at all with a 4xx, never a 5xx', async () => {
    for (const [index, base] of bases.entries()) {
      await check(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 5 }), async (value) => {
          const answer = await send(base, JSON.stringify(value));
          if (answer.status >= 500) throw new Error(`${base.id}: ${describeAnswer(answer)}`);
          if (answer.status >= 300 && errorProblem(answer))
            throw new Error(`${base.id}: ${errorProblem(answer)}`);
          if (answer.status === 400 && !Object.keys(answer.json.error.fields ?? {}).length)
            throw new Error(`${base.id}: a 400 that names no field: ${describeAnswer(answer)}`);
        }),
        ANY_JSON_PER_ENDPOINT,
        SEED + 1000 + index,
      );
    }
  });

  it('answers text that is not JSON with 400, and a wrong content type with 415', async () => {
    const notJson = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }).filter((s) => {
        try {
          JSON.parse(s);
          return false;
        } catch {
          return true;
        }
      }),
      fc.constantFrom('{', '{"a":1,}', "{'a':1}", '[1,2', 'undefined', 'NaN', '{"a":01}', '\uFEFF{}'),
    );
    const wrongType = fc.constantFrom(
      'text/plain',
      'text/json',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/jsonp',
      'application/json-patch+json',
    );
    for (const [index, base] of bases.entries()) {
      await check(
        fc.asyncProperty(notJson, wrongType, async (text, contentType) => {
          const malformed = await send(base, text);
          if (malformed.status !== 400 || !malformed.json?.error?.fields?.['(body)'])
            throw new Error(`${base.id}: not JSON ${JSON.stringify(text)}: ${describeAnswer(malformed)}`);
          const typed = await send(base, JSON.stringify(base.body), contentType);
          if (typed.status !== 415 || errorProblem(typed))
            throw new Error(`${base.id}: content-type ${contentType}: ${describeAnswer(typed)}`);
        }),
        NOT_JSON_PER_ENDPOINT,
        SEED + 2000 + index,
      );
    }
  });

  it('refuses bodies over the limit with 413, an empty body with 400, and deep nesting with 400', async () => {
    const problems: string[] = [];
    const overLimit = JSON.stringify({ text: 'x'.repeat(MAX_REQUEST_BODY_BYTES) });
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    for (const base of bases) {
      const big = await send(base, overLimit);
      if (big.status !== 413 || errorProblem(big))
        problems.push(`${base.id} over the limit: ${describeAnswer(big)}`);
      const empty = await send(base, '');
      if (empty.status !== 400) problems.push(`${base.id} empty: ${describeAnswer(empty)}`);
      const nested = await send(base, deep);
      if (nested.status !== 400) problems.push(`${base.id} deeply nested: ${describeAnswer(nested)}`);
    }
    // Past API Gateway's own 10 MB limit, the local adapter refuses it before any handler runs.
    const huge = await send(bases[0] as Base, JSON.stringify({ text: 'x'.repeat(11 * 1024 * 1024) }));
    if (huge.status !== 413) problems.push(`over 10 MB: ${describeAnswer(huge)}`);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('answers hostile path parameters and query strings on every route with a 4xx, never a 5xx', async () => {
    const malformedEscapes = ['%', '%E0%A4%A', '%ZZ', '%00', '%2F..%2F', '..', '%C0%AE', '%ED%A0%80'];
    // Every byte escaped: text a browser could not even send (a lone surrogate) still gets here.
    const percentEncoded = (text: string) =>
      Array.from(Buffer.from(text, 'utf8'))
        .map((byte) => `%${byte.toString(16).padStart(2, '0')}`)
        .join('');
    const forgedCursor = fc
      .dictionary(
        fc.constantFrom('pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'id'),
        fc.oneof(
          fc.constantFrom('FEED#EC', 'AUDIT#secondment#X', 'SECONDMENTS', 'STATE#FR', 'CURRENT'),
          hostileString,
        ),
        { minKeys: 1, maxKeys: 4 },
      )
      .map((key) => Buffer.from(JSON.stringify(key)).toString('base64url'));
    const queryValue = fc.oneof(
      hostileString.filter((v) => v.length < 2_000),
      forgedCursor,
    );
    const queryKey = fc.constantFrom(
      'cursor',
      'limit',
      'semester',
      'version',
      'entity',
      'state',
      'hostCountry',
      'status',
      'phase',
      '__proto__',
      'x',
    );
    const segment = fc.oneof(
      hostileString.filter((v) => v.length > 0 && v.length < 300).map(percentEncoded),
      fc.constantFrom(...malformedEscapes),
    );
    const routes = matrix.filter((row, i) => matrix.findIndex((r) => r.endpoint === row.endpoint) === i);
    for (const [index, row] of routes.entries()) {
      const endpoint = endpoints[row.endpoint];
      const target = await row.target(world);
      const templateSegments = endpoint.path.split('/');
      const [targetPath] = target.path.split('?') as [string];
      const token = world.tokens['EC:admin'];
      await check(
        fc.asyncProperty(
          fc.option(fc.nat({ max: templateSegments.length - 1 }), { nil: undefined }),
          segment,
          fc.array(fc.tuple(queryKey, queryValue), { maxLength: 3 }),
          async (at, replacement, query) => {
            const segments = targetPath.split('/');
            // Only a parameter's segment is replaced: another segment is another route (404 by design).
            if (at !== undefined && /^\{\w+\}$/.test(templateSegments[at] ?? '')) segments[at] = replacement;
            const search = query.map(([k, v]) => `${percentEncoded(k)}=${percentEncoded(v)}`).join('&');
            const path = `${segments.join('/')}${search ? `?${search}` : ''}`;
            const answer = await world.call(endpoint.method, path, {
              token,
              ...(target.body !== undefined ? { body: target.body } : {}),
            });
            if (answer.status >= 500) throw new Error(`${row.endpoint} ${path}: ${describeAnswer(answer)}`);
            if (answer.status >= 400 && errorProblem(answer))
              throw new Error(`${row.endpoint} ${path}: ${errorProblem(answer)}`);
          },
        ),
        ANY_JSON_PER_ENDPOINT,
        SEED + 3000 + index,
      );
    }
  });

  it('left nothing invalid in the table and no trace on any prototype', async () => {
    const items: Record<string, unknown>[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamo().send(new ScanCommand({ TableName: tableName(), ExclusiveStartKey }));
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    const problems = storedItemProblems(items);
    expect(problems, problems.slice(0, 30).join('\n')).toEqual([]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

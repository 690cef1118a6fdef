import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { type Endpoint, endpoints, pathPattern } from '#shared/api/endpoints.ts';

/**
 * The HTTP contract checked from outside, on every answer the suites receive: the served OpenAPI
 * document must list the answer's (operation, status, error code), and a JSON body must match the
 * document's own schema for that operation and status (ajv, JSON Schema 2020-12), not the zod
 * schema that produced both.
 */
export interface OpenApiDocument {
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown> };
}

export interface ReceivedAnswer {
  status: number;
  headers: Headers;
  json: unknown;
}

/** One kind of answer seen: which operation, which status, which error code (none on success). */
export interface SeenAnswer {
  operationId: string;
  status: number;
  code?: string;
}

const seenKey = (answer: SeenAnswer) => `${answer.operationId} ${answer.status} ${answer.code ?? ''}`;

/** What the router itself answers for a request that reaches no operation. */
const NO_ROUTE = { operationId: '(no route)', status: 404, code: 'not_found' };
const WRONG_METHOD = { operationId: '(method not allowed)', status: 405, code: 'method_not_allowed' };

const routes = (Object.entries(endpoints) as [string, Endpoint][]).map(([operationId, endpoint]) => ({
  operationId,
  endpoint,
  pattern: pathPattern(endpoint.path).pattern,
}));

/** The operation a request reaches, matched as the local adapter routes it: path, then method. */
export function operationOf(
  method: string,
  path: string,
): { operationId: string; endpoint: Endpoint } | typeof NO_ROUTE | typeof WRONG_METHOD {
  const { pathname } = new URL(path, 'http://localhost');
  const samePath = routes.filter((route) => route.pattern.test(pathname));
  return (
    samePath.find((route) => route.endpoint.method === method) ?? (samePath.length ? WRONG_METHOD : NO_ROUTE)
  );
}

const DOCUMENT_ID = 'contract';
const pointerToken = (token: string) => encodeURIComponent(token.replace(/~/g, '~0').replace(/\//g, '~1'));

const errorCodeOf = (json: unknown): string | undefined => {
  const code = (json as { error?: { code?: unknown } } | undefined)?.error?.code;
  return typeof code === 'string' ? code : undefined;
};

export class ContractChecker {
  /** Every distinct answer seen, keyed `operationId status code`. */
  readonly seen = new Map<string, SeenAnswer>();
  private readonly ajv = new Ajv2020({ allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    addFormats.default(this.ajv);
    // The document is added whole, so that the `#/components/schemas/...` references in it resolve;
    // its OpenAPI fields are not JSON Schema keywords.
    this.ajv.addVocabulary(['openapi', 'info', 'servers', 'paths', 'components', 'security', 'tags']);
    this.ajv.addSchema(document as object, DOCUMENT_ID);
  }

  /** What is wrong with this answer according to the document; empty when it is as documented. */
  problems(method: string, path: string, answer: ReceivedAnswer): string[] {
    if (!path.startsWith('/api/')) return [];
    const code = answer.status >= 400 ? errorCodeOf(answer.json) : undefined;
    const route = operationOf(method, path);
    const { operationId } = route;
    const seen = { operationId, status: answer.status, ...(code ? { code } : {}) };
    this.seen.set(seenKey(seen), seen);
    const request = `${method} ${path} -> ${answer.status}${code ? ` ${code}` : ''}`;
    const problems: string[] = [];

    let pointer: string[];
    if ('endpoint' in route) {
      const { endpoint } = route;
      const operation = this.document.paths[endpoint.path]?.[endpoint.method.toLowerCase()];
      if (!operation) return [`${request}: the document has no operation ${operationId}`];
      if (!(String(answer.status) in operation.responses)) {
        return [`${request}: ${operationId} does not document status ${answer.status}`];
      }
      pointer = ['paths', endpoint.path, endpoint.method.toLowerCase(), 'responses', String(answer.status)];
      pointer.push('content', 'application/json', 'schema');
    } else {
      if (answer.status !== route.status || code !== route.code) {
        problems.push(
          `${request}: a request that reaches no operation answers ${route.status} ${route.code}`,
        );
      }
      pointer = ['components', 'schemas', 'Error'];
    }

    const json = /^application\/json\b/i.test(answer.headers.get('content-type') ?? '');
    if (!json) return [...problems, `${request}: the answer is not JSON`];
    const validate = this.validator(pointer);
    if (!validate(answer.json)) {
      const why = (validate.errors ?? [])
        .map((error) => {
          const allowed = error.params.allowedValues as string[] | undefined;
          return `${error.instancePath || '(body)'} ${error.message}${allowed ? ` (${allowed.join(', ')})` : ''}`;
        })
        .join('; ');
      problems.push(
        `${request}: the body does not match the document's schema for ${operationId} ${answer.status}: ${why}`,
      );
    }
    return problems;
  }

  private validator(pointer: string[]): ValidateFunction {
    const ref = `${DOCUMENT_ID}#/${pointer.map(pointerToken).join('/')}`;
    let validate = this.validators.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.validators.set(ref, validate);
    }
    return validate;
  }
}

/** The answers every test file of a suite received, as one sorted list without repeats. */
export function mergeSeenAnswers(dir: string, into: string): void {
  const all = new Map<string, SeenAnswer>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
    for (const answer of JSON.parse(readFileSync(join(dir, file), 'utf8')) as SeenAnswer[]) {
      all.set(seenKey(answer), answer);
    }
  }
  const sorted = [...all.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, answer]) => answer);
  writeFileSync(into, `${JSON.stringify(sorted, null, 1)}\n`);
}

import { AppError } from './errors.ts';

type Key = Record<string, unknown>;

/**
 * What a cursor of one query may hold: exactly these key attributes, each equal to a value, starting
 * with a prefix, or any string. A cursor is the client's to send back, so anything else in it is
 * forged or stale: DynamoDB would refuse it (a 5xx), or start the page in another partition.
 */
export type CursorShape = Record<string, string | { prefix: string } | 'any'>;

/** An opaque list cursor: DynamoDB's LastEvaluatedKey, base64url-encoded. */
export function encodeCursor(key: Key | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : null;
}

function fits(key: Key, shape: CursorShape): boolean {
  const names = Object.keys(key);
  if (names.length !== Object.keys(shape).length) return false;
  return names.every((name) => {
    const expected = Object.hasOwn(shape, name) ? shape[name] : undefined;
    const value = key[name];
    if (expected === undefined || typeof value !== 'string') return false;
    if (expected === 'any') return true;
    return typeof expected === 'string' ? value === expected : value.startsWith(expected.prefix);
  });
}

export function decodeCursor(cursor: string | undefined, shape: CursorShape): Key | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (key && typeof key === 'object' && !Array.isArray(key) && fits(key as Key, shape)) return key as Key;
  } catch {
    // fall through
  }
  throw new AppError('invalid_request', 'The list cursor is not valid: start from the first page.', {
    'query.cursor': 'not a cursor this API issued',
  });
}

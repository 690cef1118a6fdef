import { HttpError } from './http/errors.ts';

type Key = Record<string, unknown>;

/** An opaque list cursor: DynamoDB's LastEvaluatedKey, base64url-encoded. */
export function encodeCursor(key: Key | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : null;
}

export function decodeCursor(cursor: string | undefined): Key | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (key && typeof key === 'object' && !Array.isArray(key)) {
      const values = Object.values(key as Key);
      if (values.length > 0 && values.every((v) => typeof v === 'string')) return key as Key;
    }
  } catch {
    // fall through
  }
  throw new HttpError('invalid_request', 'The list cursor is not valid: start from the first page.', {
    'query.cursor': 'not a cursor this API issued',
  });
}

import type { z } from 'zod';
import type { ErrorBody, ErrorCode } from '#shared/errors.ts';

/**
 * A failure of a use case, as data: a code of the contract (shared/errors.ts), a message for people
 * and, for wrong input, the fields at fault. Services throw it; only the HTTP adapter
 * (lib/http/middlewares.ts) turns its code into a status.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) },
    };
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);
export const forbidden = (why: string) => new AppError('forbidden', why);

/** A write that carried an outdated version: the client reloads, keeping what was typed. */
export const staleVersion = (what: string, current?: number) =>
  new AppError(
    'stale_version',
    `Someone else changed ${what} meanwhile${current ? ` (it is now at version ${current})` : ''}. Reload it; your changes are kept in the form.`,
  );

/** Wrong input found by a use case (not by the request schema): the message and the fields at fault. */
export const invalidInput = (message: string, fields: Record<string, string>) =>
  new AppError('invalid_request', message, fields);

/**
 * Wrong input found by a use case's own schema (a template's, an activity kind's): each field under
 * `prefix` with its first message.
 */
export function invalidFields(message: string, prefix: string, error: z.ZodError): AppError {
  const fields = new Map<string, string>();
  for (const issue of error.issues) {
    const key = [prefix, ...issue.path.map(String)].join('.');
    if (!fields.has(key)) fields.set(key, issue.message);
  }
  return invalidInput(message, Object.fromEntries(fields));
}

import { NAME_CLAIM, ORGANISATION_CLAIM, ROLE_CLAIM } from '#shared/auth.ts';
import { isValidMembership, type OrganisationCode, type Role } from '#shared/reference/organisations.ts';
import type { Caller } from '../caller.ts';
import { AppError } from '../errors.ts';

/** The part of an HTTP API event the JWT authorizer fills; absent on routes without it. */
export interface MaybeAuthorizedEvent {
  requestContext?: {
    authorizer?: { jwt?: { claims?: Record<string, string | number | boolean | string[]> } };
  };
}

/**
 * The caller, from the claims the HTTP API JWT authorizer put in the event. A route without the
 * authorizer (or a token without our claims) has no caller: 401.
 */
export function callerFrom(event: MaybeAuthorizedEvent): Caller {
  const claims = event.requestContext?.authorizer?.jwt?.claims;
  const organisation = claims?.[ORGANISATION_CLAIM];
  const role = claims?.[ROLE_CLAIM];
  const subject = claims?.sub;
  if (typeof organisation !== 'string' || typeof role !== 'string' || typeof subject !== 'string') {
    throw new AppError('unauthenticated', 'Sign in to continue: the request carries no valid token.');
  }
  if (!isValidMembership(organisation, role)) {
    throw new AppError(
      'forbidden',
      `The role "${role}" is not valid for the organisation "${organisation}".`,
    );
  }
  const name = claims?.[NAME_CLAIM];
  return {
    subject,
    organisation: organisation as OrganisationCode,
    role: role as Role,
    ...(typeof name === 'string' ? { name } : {}),
  };
}

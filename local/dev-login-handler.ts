import { AppError } from '#functions/lib/errors.ts';
import { httpHandler } from '#functions/lib/http/handler.ts';
import { demoPerson } from '#functions/people/people-service.ts';
import { type PersonRecord, PersonRepository } from '#functions/people/person-repository.ts';
import { endpoints } from '#shared/api/endpoints.ts';
import type { DevLoginRequest } from '#shared/api/schemas.ts';
import { type DevTokenService, demoName } from './dev-auth.ts';

/**
 * `POST /api/dev/login`, local runtime only, with the same middleware chain as every deployed
 * handler. The local identity provider: it signs in people of the directory, by e-mail, or as an
 * organisation's demo person for a role (created on first use).
 */
export function createDevLoginHandler(tokens: DevTokenService) {
  return httpHandler(endpoints.devLogin, async ({ body }) => {
    const now = new Date();
    const person = await personSigningIn(body, now);
    await PersonRepository.recordSignIn(person.id, now.toISOString());
    return {
      body: await tokens.issue({
        subject: person.id,
        organisation: person.organisation,
        role: person.role,
        name: person.name,
        email: person.email,
      }),
    };
  });
}

async function personSigningIn(request: DevLoginRequest, now: Date): Promise<PersonRecord> {
  if (request.email !== undefined) {
    const person = await PersonRepository.findByEmail(request.email);
    if (!person) {
      throw new AppError('unauthenticated', `No person of the directory has the e-mail ${request.email}.`, {
        email: 'Not in the directory',
      });
    }
    if (person.status !== 'active')
      throw new AppError('account_disabled', `The account of ${request.email} is disabled.`);
    return person;
  }
  // The schema makes sure both are present without an e-mail.
  const organisation = request.organisation as NonNullable<DevLoginRequest['organisation']>;
  const role = request.role as NonNullable<DevLoginRequest['role']>;
  const person = await demoPerson(organisation, role, request.name ?? demoName(organisation, role), now);
  if (person.status !== 'active')
    throw new AppError('account_disabled', `The demo ${role} of ${organisation} is disabled.`);
  return person;
}

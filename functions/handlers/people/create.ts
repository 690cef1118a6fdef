import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { invitePerson } from '../../people/people-service.ts';

export const handler = httpHandler(endpoints.createPerson, async ({ caller, body, idempotency }) => ({
  status: 201,
  body: await invitePerson(caller, body, new Date(), idempotency),
}));

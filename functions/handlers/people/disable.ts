import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { disablePerson } from '../../people/people-service.ts';

export const handler = httpHandler(endpoints.disablePerson, async ({ caller, path, body }) => ({
  body: await disablePerson(caller, path.id, body.version, new Date()),
}));

import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { enablePerson } from '../../people/people-service.ts';

export const handler = httpHandler(endpoints.enablePerson, async ({ caller, path, body }) => ({
  body: await enablePerson(caller, path.id, body.version, new Date()),
}));

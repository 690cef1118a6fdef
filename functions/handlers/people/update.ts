import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { updatePerson } from '../../people/people-service.ts';

export const handler = httpHandler(endpoints.updatePerson, async ({ caller, path, body }) => ({
  body: await updatePerson(caller, path.id, body, new Date()),
}));

import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { listPeople } from '../../people/people-service.ts';

export const handler = httpHandler(endpoints.listPeople, async ({ caller, query }) => ({
  body: await listPeople(caller, query),
}));

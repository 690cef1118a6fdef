import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { listArrangements } from '../../networks/arrangement-service.ts';

export const handler = httpHandler(endpoints.listArrangements, async ({ caller, query }) => ({
  body: await listArrangements(caller, query),
}));

import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { getArrangement } from '../../networks/arrangement-service.ts';

export const handler = httpHandler(endpoints.getArrangement, async ({ caller, path }) => ({
  body: await getArrangement(caller, path.id),
}));

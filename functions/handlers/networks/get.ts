import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { getNetwork } from '../../networks/network-service.ts';

export const handler = httpHandler(endpoints.getNetwork, async ({ caller, path, query }) => ({
  body: await getNetwork(caller, path.id, query.semester, new Date()),
}));

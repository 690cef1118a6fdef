import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { listNetworks } from '../../networks/network-service.ts';

export const handler = httpHandler(endpoints.listNetworks, async () => ({
  body: await listNetworks(new Date()),
}));

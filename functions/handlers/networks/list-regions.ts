import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { listRegions } from '../../networks/region-service.ts';

export const handler = httpHandler(endpoints.listRegions, async () => ({
  body: await listRegions(),
}));

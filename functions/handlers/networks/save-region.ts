import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { saveRegion } from '../../networks/region-service.ts';

export const handler = httpHandler(endpoints.saveRegion, async ({ caller, path, body }) => ({
  body: await saveRegion(caller, path.id, body, new Date()),
}));

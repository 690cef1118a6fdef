import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { acceptArrangement } from '../../networks/arrangement-service.ts';

export const handler = httpHandler(endpoints.acceptArrangement, async ({ caller, path, body }) => ({
  body: await acceptArrangement(caller, path.id, body.version, new Date()),
}));

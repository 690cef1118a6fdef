import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { withdrawArrangement } from '../../networks/arrangement-service.ts';

export const handler = httpHandler(endpoints.withdrawArrangement, async ({ caller, path, body }) => ({
  body: await withdrawArrangement(caller, path.id, body.version, new Date()),
}));

import { endpoints } from '#shared/api/endpoints.ts';
import { saveContribution } from '../../contributions/contribution-service.ts';
import { httpHandler } from '../../lib/http/handler.ts';

export const handler = httpHandler(endpoints.saveContribution, async ({ caller, path, body }) => ({
  body: await saveContribution(caller, path.id, path.net, path.state, body, new Date()),
}));

import { endpoints } from '#shared/api/endpoints.ts';
import { reopenContribution } from '../../contributions/contribution-service.ts';
import { httpHandler } from '../../lib/http/handler.ts';

export const handler = httpHandler(endpoints.reopenContribution, async ({ caller, path, body }) => ({
  body: await reopenContribution(caller, path.id, path.net, path.state, body.version, new Date()),
}));

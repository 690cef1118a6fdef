import { endpoints } from '#shared/api/endpoints.ts';
import { submitContribution } from '../../contributions/contribution-service.ts';
import { httpHandler } from '../../lib/http/handler.ts';

export const handler = httpHandler(endpoints.submitContribution, async ({ caller, path, body }) => ({
  body: await submitContribution(caller, path.id, path.net, path.state, body.version, new Date()),
}));

import { endpoints } from '#shared/api/endpoints.ts';
import { getContribution } from '../../contributions/contribution-service.ts';
import { httpHandler } from '../../lib/http/handler.ts';

export const handler = httpHandler(endpoints.getContribution, async ({ caller, path }) => ({
  body: await getContribution(caller, path.id, path.net, path.state),
}));

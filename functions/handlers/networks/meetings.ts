import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { recordActivity } from '../../networks/network-service.ts';

export const handler = httpHandler(endpoints.recordMeeting, async ({ caller, path, body, idempotency }) => ({
  status: 201,
  body: await recordActivity(caller, path.id, 'meeting', body, new Date(), idempotency),
}));

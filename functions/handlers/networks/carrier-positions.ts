import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { recordActivity } from '../../networks/network-service.ts';

export const handler = httpHandler(
  endpoints.recordCarrierPosition,
  async ({ caller, path, body, idempotency }) => ({
    status: 201,
    body: await recordActivity(caller, path.id, 'carrier_position', body, new Date(), idempotency),
  }),
);

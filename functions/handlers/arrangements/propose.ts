import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { proposeArrangement } from '../../networks/arrangement-service.ts';

export const handler = httpHandler(endpoints.proposeArrangement, async ({ caller, body, idempotency }) => ({
  status: 201,
  body: await proposeArrangement(caller, body, new Date(), idempotency),
}));

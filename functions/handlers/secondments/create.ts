import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { createSecondment } from '../../secondments/secondment-service.ts';

export const handler = httpHandler(endpoints.createSecondment, async ({ caller, body, idempotency }) => ({
  status: 201,
  body: await createSecondment(caller, body, new Date(), idempotency),
}));

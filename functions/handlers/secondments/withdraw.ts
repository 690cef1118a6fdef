import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { withdrawSecondment } from '../../secondments/secondment-service.ts';

export const handler = httpHandler(endpoints.withdrawSecondment, async ({ caller, path, body }) => ({
  body: await withdrawSecondment(caller, path.id, body.version, new Date()),
}));

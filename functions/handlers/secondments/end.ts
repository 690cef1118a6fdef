import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { endSecondment } from '../../secondments/secondment-service.ts';

export const handler = httpHandler(endpoints.endSecondment, async ({ caller, path, body }) => ({
  body: await endSecondment(caller, path.id, body, new Date()),
}));

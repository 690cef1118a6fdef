import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { notifySecondment } from '../../secondments/secondment-service.ts';

export const handler = httpHandler(endpoints.notifySecondment, async ({ caller, path, body }) => ({
  body: await notifySecondment(caller, path.id, body.version, new Date()),
}));

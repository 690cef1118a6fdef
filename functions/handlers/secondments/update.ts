import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { updateSecondment } from '../../secondments/secondment-service.ts';

export const handler = httpHandler(endpoints.updateSecondment, async ({ caller, path, body }) => ({
  body: await updateSecondment(caller, path.id, body, new Date()),
}));

import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { getSecondment } from '../../secondments/secondment-service.ts';

export const handler = httpHandler(endpoints.getSecondment, async ({ caller, path }) => ({
  body: await getSecondment(caller, path.id, new Date()),
}));

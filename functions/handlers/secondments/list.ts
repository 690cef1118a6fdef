import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { listSecondments } from '../../secondments/secondment-service.ts';

export const handler = httpHandler(endpoints.listSecondments, async ({ caller, query }) => ({
  body: await listSecondments(caller, query, new Date()),
}));

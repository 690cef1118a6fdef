import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { secondmentHistory } from '../../secondments/secondment-service.ts';

export const handler = httpHandler(endpoints.secondmentHistory, async ({ caller, path }) => ({
  body: await secondmentHistory(caller, path.id),
}));

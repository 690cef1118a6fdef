import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../lib/http/handler.ts';
import { referenceData } from '../reference/reference-service.ts';

export const handler = httpHandler(endpoints.reference, async () => ({
  body: await referenceData(new Date()),
}));

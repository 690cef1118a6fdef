import { endpoints } from '#shared/api/endpoints.ts';
import { storeAnswers } from '../lib/health.ts';
import { httpHandler } from '../lib/http/handler.ts';

export const handler = httpHandler(endpoints.health, async () => {
  await storeAnswers();
  return { body: { status: 'ok' as const } };
});

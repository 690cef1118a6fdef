import { httpHandler } from '#functions/lib/http/handler.ts';
import { endpoints } from '#shared/api/endpoints.ts';
import type { DevTokenService } from './dev-auth.ts';

/** `POST /api/dev/login`, local runtime only: same middleware chain as every deployed handler. */
export function createDevLoginHandler(tokens: DevTokenService) {
  return httpHandler(endpoints.devLogin, async ({ body }) => ({ body: await tokens.issue(body) }));
}

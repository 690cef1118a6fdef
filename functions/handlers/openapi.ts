import { endpoints } from '#shared/api/endpoints.ts';
import { buildOpenApiDocument } from '#shared/api/openapi.ts';
import { config } from '../lib/config.ts';
import { httpHandler } from '../lib/http/handler.ts';

let document: Record<string, unknown> | undefined;

export const handler = httpHandler(endpoints.openApi, async () => {
  document ??= buildOpenApiDocument({ version: config().APP_VERSION });
  return { body: document, headers: { 'cache-control': 'public, max-age=300' } };
});

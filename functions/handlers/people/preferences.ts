import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { meOf } from '../../people/directory.ts';
import { updatePreferences } from '../../people/people-service.ts';

export const handler = httpHandler(endpoints.updatePreferences, async ({ caller, body }) => ({
  body: meOf(caller, await updatePreferences(caller, body, new Date())),
}));

import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { updateActivity } from '../../networks/network-service.ts';

export const handler = httpHandler(endpoints.updateActivity, async ({ caller, path, body }) => ({
  body: await updateActivity(caller, path.id, path.semester, path.activityId, body, new Date()),
}));

import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { designateDraftingState } from '../../networks/network-service.ts';

export const handler = httpHandler(endpoints.reassignDraftingState, async ({ caller, path, body }) => ({
  body: await designateDraftingState(caller, path.id, path.semester, body, 'reassign', new Date()),
}));

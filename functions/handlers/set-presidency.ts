import { endpoints } from '#shared/api/endpoints.ts';
import type { SemesterId } from '#shared/semesters.ts';
import { httpHandler } from '../lib/http/handler.ts';
import { setPresidency } from '../reference/reference-service.ts';

export const handler = httpHandler(endpoints.setPresidency, async ({ caller, path, body }) => ({
  body: await setPresidency(caller, path.semester as SemesterId, body, new Date()),
}));

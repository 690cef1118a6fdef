import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { closeSemester } from '../../semesters/semester-service.ts';

export const handler = httpHandler(endpoints.closeSemester, async ({ caller, path, body }) => ({
  body: await closeSemester(caller, path.id, body.force, new Date()),
}));

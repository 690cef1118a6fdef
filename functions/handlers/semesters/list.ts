import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { listSemesters } from '../../semesters/semester-service.ts';

export const handler = httpHandler(endpoints.listSemesters, async () => ({
  body: await listSemesters(new Date()),
}));

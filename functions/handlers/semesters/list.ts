import { endpoints } from '#shared/api/endpoints.ts';
import { listSemesters } from '../../contributions/contribution-service.ts';
import { httpHandler } from '../../lib/http/handler.ts';

export const handler = httpHandler(endpoints.listSemesters, async () => ({
  body: await listSemesters(new Date()),
}));

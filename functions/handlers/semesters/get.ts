import { endpoints } from '#shared/api/endpoints.ts';
import { semesterDetail } from '../../contributions/contribution-service.ts';
import { httpHandler } from '../../lib/http/handler.ts';

export const handler = httpHandler(endpoints.getSemester, async ({ path }) => ({
  body: await semesterDetail(path.id, new Date()),
}));

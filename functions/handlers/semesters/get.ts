import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { semesterDetail } from '../../semesters/semester-service.ts';

export const handler = httpHandler(endpoints.getSemester, async ({ path }) => ({
  body: await semesterDetail(path.id, new Date()),
}));

import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { saveAssessment } from '../../reports/report-service.ts';

export const handler = httpHandler(endpoints.saveAssessment, async ({ caller, path, body }) => ({
  body: await saveAssessment(caller, path.id, path.net, body, new Date()),
}));

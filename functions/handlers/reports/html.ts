import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { getReportHtml } from '../../reports/report-service.ts';

export const handler = httpHandler(endpoints.getReportHtml, async ({ caller, path, query }) => ({
  body: await getReportHtml(caller, path.id, path.net, query.version),
}));

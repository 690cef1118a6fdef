import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { getReport } from '../../reports/report-service.ts';

export const handler = httpHandler(endpoints.getReport, async ({ caller, path, query }) => ({
  body: await getReport(caller, path.id, path.net, query.version),
}));

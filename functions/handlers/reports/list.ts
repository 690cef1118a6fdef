import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { listReports } from '../../reports/report-service.ts';

export const handler = httpHandler(endpoints.listReports, async ({ caller, path }) => ({
  body: await listReports(caller, path.id),
}));

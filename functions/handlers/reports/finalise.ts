import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { finaliseReport } from '../../reports/report-generation.ts';

export const handler = httpHandler(endpoints.finaliseReport, async ({ caller, path, body }) => ({
  body: await finaliseReport(caller, path.id, path.net, body.revision, new Date()),
}));

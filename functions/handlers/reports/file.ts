import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { reportFileLink } from '../../reports/report-service.ts';

export const handler = httpHandler(endpoints.getReportFile, async ({ caller, path }) => {
  const location = await reportFileLink(caller, path.id, path.net, path.version, path.format);
  // Signed per request: never cached, so the next visit gets a link of its own.
  return { headers: { location, 'cache-control': 'no-store' }, body: { location } };
});

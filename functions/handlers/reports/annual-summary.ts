import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../../lib/http/handler.ts';
import { getAnnualSummary } from '../../reports/annual-summary-reading.ts';

export const handler = httpHandler(endpoints.getAnnualSummary, async ({ caller, path }) => ({
  body: await getAnnualSummary(caller, Number(path.year)),
}));

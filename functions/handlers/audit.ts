import { endpoints } from '#shared/api/endpoints.ts';
import { auditTrail } from '../audit/audit-service.ts';
import { httpHandler } from '../lib/http/handler.ts';

export const handler = httpHandler(endpoints.audit, async ({ caller, query }) => ({
  body: await auditTrail(caller, query.entity, query.limit, query.cursor),
}));

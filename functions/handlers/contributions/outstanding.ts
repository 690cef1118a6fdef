import { endpoints } from '#shared/api/endpoints.ts';
import { outstandingContributions } from '../../contributions/contribution-service.ts';
import { httpHandler } from '../../lib/http/handler.ts';

export const handler = httpHandler(endpoints.outstandingContributions, async ({ caller }) => ({
  body: await outstandingContributions(caller, new Date()),
}));

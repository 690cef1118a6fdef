import { endpoints } from '#shared/api/endpoints.ts';
import { httpHandler } from '../lib/http/handler.ts';
import { describeMe } from '../people/directory.ts';

export const handler = httpHandler(endpoints.me, async ({ caller }) => ({ body: await describeMe(caller) }));

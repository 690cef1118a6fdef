import { endpoints } from '#shared/api/endpoints.ts';
import { FeedRepository } from '../feed/feed-repository.ts';
import { httpHandler } from '../lib/http/handler.ts';

export const handler = httpHandler(endpoints.feed, async ({ caller, query }) => ({
  body: await FeedRepository.list(caller.organisation, query.limit, query.cursor),
}));

import type { TransactItem } from './transactions.ts';

/**
 * The port a creating use case stores its answer through, in the same transaction as what it
 * creates, so that a retried request replays it (lib/http/idempotency.ts implements it for keyed
 * HTTP requests). A creating service takes one and adds `idempotency.record(answer)` to its writes.
 */
export interface Idempotency {
  /**
   * The transaction item storing `answer` for the key; none when the request carries no key.
   * `fromRequest` names fields of the answer that are not stored but echoed back on a replay from
   * the retried request's body (which is the same body): personal data stays in its one place.
   */
  record(answer: Record<string, unknown>, options?: { fromRequest?: string[] }): TransactItem[];
}

/** For requests without a key, and for callers other than HTTP (jobs, demo data). */
export const noIdempotency: Idempotency = { record: () => [] };

import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { type Endpoint, IDEMPOTENCY_KEY_PATTERN } from '#shared/api/endpoints.ts';
import { IDEMPOTENCY_KEY_HEADER } from '#shared/api/headers.ts';
import type { Caller } from '../caller.ts';
import { AppError } from '../errors.ts';
import type { Idempotency } from '../idempotency.ts';
import { IdempotencyRepository, idempotencyPartition } from '../idempotency-repository.ts';
import { IdempotencyKeyTaken, type TransactItem } from '../transactions.ts';

/**
 * Idempotency-Key on creating requests (endpoints marked `idempotent` in the contract). The first
 * request with a key stores its answer in the same transaction as what it creates; a retry with the
 * same key and body gets that answer back (Idempotent-Replayed: true) and creates nothing; the same
 * key with another body is refused (422). Keys are scoped to the caller and the endpoint.
 */

export const REPLAYED_HEADER = 'idempotent-replayed';

export interface IdempotentResult {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** One keyed request: runs the handler once per key, replaying the stored answer afterwards. */
export class IdempotentRequest implements Idempotency {
  private recorded = false;

  constructor(
    private readonly pk: string,
    private readonly requestHash: string,
    private readonly requestBody: unknown,
    private readonly status: number,
    private readonly now: Date,
  ) {}

  record(
    answer: Record<string, unknown>,
    { fromRequest = [] }: { fromRequest?: string[] } = {},
  ): TransactItem[] {
    this.recorded = true;
    const stored = Object.fromEntries(
      Object.entries(answer).filter(([field]) => !fromRequest.includes(field)),
    );
    const body = fromRequest.length > 0 ? { ...stored, [ECHOED]: fromRequest } : stored;
    return [
      IdempotencyRepository.put(
        this.pk,
        { requestHash: this.requestHash, status: this.status, body },
        this.now,
      ),
    ];
  }

  async run<R extends IdempotentResult>(execute: () => Promise<R>): Promise<R | IdempotentResult> {
    const earlier = await IdempotencyRepository.get(this.pk, this.now);
    if (earlier) return this.replay(earlier);
    try {
      const result = await execute();
      // A creating endpoint whose service forgot the record would silently not be idempotent.
      if (!this.recorded) throw new Error('an idempotent endpoint answered without recording its answer');
      return result;
    } catch (error) {
      if (!(error instanceof IdempotencyKeyTaken)) throw error;
      // A request with the same key committed first, meanwhile: answer as it did.
      const winner = await IdempotencyRepository.get(this.pk, new Date());
      if (!winner) throw error;
      return this.replay(winner);
    }
  }

  private replay(earlier: { requestHash: string; status: number; body: unknown }): IdempotentResult {
    if (earlier.requestHash !== this.requestHash) {
      throw new AppError(
        'idempotency_key_reused',
        'This Idempotency-Key was already used for a different request. Send a new key with each new submission.',
        { [`header.${IDEMPOTENCY_KEY_HEADER}`]: 'Already used for a different request' },
      );
    }
    const { [ECHOED]: echoed = [], ...body } = earlier.body as Record<string, unknown> & {
      [ECHOED]?: string[];
    };
    const request = (this.requestBody ?? {}) as Record<string, unknown>;
    for (const field of echoed) if (request[field] !== undefined) body[field] = request[field];
    return { status: earlier.status, body, headers: { [REPLAYED_HEADER]: 'true' } };
  }
}

/** Where a stored answer lists the fields a replay takes from the request. */
const ECHOED = '$fromRequest';

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * The keyed request of an event, if the endpoint takes keys and the caller sent one. A malformed key
 * is a 400 naming the header. What identifies "the same request": path parameters and the validated
 * body (so a re-serialised body with its fields in another order is still the same).
 */
export function idempotentRequest(
  endpoint: Endpoint,
  event: Pick<APIGatewayProxyEventV2, 'headers'>,
  caller: Caller | undefined,
  request: { path: unknown; body: unknown },
  now: Date,
): IdempotentRequest | undefined {
  const key = event.headers?.[IDEMPOTENCY_KEY_HEADER];
  if (!endpoint.idempotent || key === undefined || !caller) return undefined;
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new AppError('invalid_request', 'The Idempotency-Key header is not a valid key.', {
      [`header.${IDEMPOTENCY_KEY_HEADER}`]: 'Use 1 to 128 letters, digits or . _ : - (a UUID fits)',
    });
  }
  const pk = idempotencyPartition({
    organisation: caller.organisation,
    subject: caller.subject,
    route: `${endpoint.method} ${endpoint.path}`,
    key,
  });
  const requestHash = hashOf({ path: request.path, body: request.body });
  return new IdempotentRequest(pk, requestHash, request.body, endpoint.success.status, now);
}

/**
 * Request headers of the HTTP contract beyond the standard ones. CORS (infra/stateless-stack.ts)
 * allows exactly the list below; the handlers and the web app read the names from here.
 */

/** Optional on creating requests: a retried POST with the same key creates nothing new. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** The headers a browser on another allowed origin may send (the CORS allow list). */
export const API_REQUEST_HEADERS = ['authorization', 'content-type', IDEMPOTENCY_KEY_HEADER] as const;

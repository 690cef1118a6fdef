/** The error codes of the HTTP contract and the status each answers with. */
export const errorStatus = {
  invalid_request: 400,
  unauthenticated: 401,
  /** The person was disabled in the directory: a token still valid is refused. */
  account_disabled: 401,
  /** The token's subject is not a person of the directory. */
  unknown_person: 401,
  /** The directory gives the person another organisation or role than the token claims: sign in again. */
  membership_changed: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  stale_version: 409,
  semester_closed: 409,
  already_submitted: 409,
  not_editable: 409,
  semester_not_ended: 409,
  conflict: 409,
  /** Another person of the directory has this e-mail. */
  email_in_use: 409,
  /** The change would leave a state without an active coordinator. */
  last_coordinator: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  /** The Idempotency-Key was already used by this caller for a different request. */
  idempotency_key_reused: 422,
  service_unavailable: 503,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** What each code tells a client, for the OpenAPI document's responses. */
export const errorMeaning: Record<ErrorCode, string> = {
  invalid_request: 'the body, query, path or a header is wrong; `fields` names each wrong field',
  unauthenticated: 'no valid bearer token',
  account_disabled: 'the person was disabled in the directory: a token still valid is refused',
  unknown_person: "the token's subject is not a person of the directory",
  membership_changed:
    'the directory gives the person another organisation or role than the token: sign in again',
  forbidden: "the caller's organisation or role may not do this",
  not_found: 'no such resource, or none the caller may see',
  method_not_allowed: 'the path exists, the method does not',
  stale_version: 'the version sent is not the current one: reload, keeping what was typed',
  semester_closed: 'the semester is closed, so this can no longer change',
  already_submitted: 'the contribution is submitted and read-only until reopened',
  not_editable: 'the resource is in a state that does not allow this action',
  semester_not_ended: 'the semester has not ended: close it earlier only with force',
  email_in_use: 'another person of the directory has this e-mail',
  last_coordinator: 'the change would leave a state without an active coordinator',
  conflict: 'another process is working on it right now: try again in a minute',
  payload_too_large: 'the request body is too large',
  unsupported_media_type: 'the body is not sent as application/json',
  idempotency_key_reused: 'the Idempotency-Key was used by this caller for a different request',
  service_unavailable:
    'a store stayed throttled or unavailable through the retries; nothing partial was stored. Try again after Retry-After seconds',
  internal_error: 'an unexpected failure on the server; nothing was changed',
};

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** Field path (dot-separated, e.g. `post.city`) to what is wrong with it. */
    fields?: Record<string, string>;
  };
}

/** Request bodies above this size are refused with 413 before parsing. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

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

/**
 * The identity claims every handler reads. On AWS they come from a Cognito ID token checked by the
 * HTTP API JWT authorizer (custom attributes `custom:organisation` and `custom:role`); locally the
 * dev login issues a token with the same claims and the local adapter places them in the event
 * exactly where the authorizer would: `requestContext.authorizer.jwt.claims`, every value a string.
 */
export const ORGANISATION_CLAIM = 'custom:organisation';
export const ROLE_CLAIM = 'custom:role';
export const NAME_CLAIM = 'name';

/** Cognito ID tokens live one hour by default; the local dev tokens match. */
export const DEV_TOKEN_LIFETIME_SECONDS = 60 * 60;

/** Where Cognito's hosted sign-in sends the browser back with the authorization code. */
export const SIGN_IN_CALLBACK_PATH = '/auth/callback';
/** Where Cognito's sign-out sends the browser back: the app's sign-in page. */
export const SIGNED_OUT_PATH = '/sign-in';

import type { DevLoginRequest } from '#shared/api/schemas.ts';
import { runtimeConfig } from '../../../config/runtime-config.ts';
import type { Session } from '../../../lib/session.ts';
import { cognitoSignIn } from './cognito-sign-in.ts';
import { devSignIn } from './dev-sign-in.ts';

/**
 * How a person signs in, chosen by the deployment's /config.json (config/runtime-config.ts). Whatever
 * the method, it ends in a Session (lib/session.ts) that the API client sends as the bearer token;
 * nothing else in the app knows which method was used.
 *
 * - `dev` (the local runtime): the sign-in page shows a form to pick organisation and role, and
 *   `POST /api/dev/login` issues the token.
 * - `hosted` (AWS, `signInMethod: cognito`): the sign-in page shows one button; `start` sends the
 *   browser to Cognito's hosted sign-in (authorization code with PKCE); the callback route passes the
 *   URL Cognito returns to `complete`, which exchanges the code for the ID token.
 */
export interface DevSignInMethod {
  kind: 'dev';
  signIn(request: DevLoginRequest): Promise<Session>;
  /** Called after the session is cleared, for what the method must undo elsewhere. */
  signOut(): Promise<void>;
}

export interface HostedSignInMethod {
  kind: 'hosted';
  /** Leaves the app for the identity provider's sign-in page; `returnTo` is where to come back to. */
  start(returnTo: string): Promise<void>;
  complete(callbackUrl: URL): Promise<{ session: Session; returnTo: string }>;
  /** After a reload with a session: picks up renewing its token. */
  resume(): Promise<void>;
  signOut(): Promise<void>;
}

export type SignInMethod = DevSignInMethod | HostedSignInMethod;

let chosen: SignInMethod | undefined;

/** The method the deployment configured (available once the runtime configuration is loaded). */
export function signInMethod(): SignInMethod {
  if (!chosen) {
    const config = runtimeConfig();
    chosen = config.signInMethod === 'cognito' ? cognitoSignIn(config) : devSignIn;
  }
  return chosen;
}

import type { DevLoginRequest } from '#shared/api/schemas.ts';
import { type Env, env } from '../../../config/env.ts';
import type { Session } from '../../../lib/session.ts';
import { devSignIn } from './dev-sign-in.ts';

/**
 * How a person signs in, chosen by VITE_SIGN_IN_METHOD. Whatever the method, it ends in a Session
 * (lib/session.ts) that the API client sends as the bearer token; nothing else in the app knows
 * which method was used.
 *
 * - `dev` (the local runtime): the sign-in page shows a form to pick organisation and role, and
 *   `POST /api/dev/login` issues the token.
 * - `hosted` (AWS, to come as VITE_SIGN_IN_METHOD=cognito): the sign-in page shows one button;
 *   `start` sends the browser to Cognito's hosted sign-in (authorization code with PKCE); a callback
 *   route passes the URL Cognito returns to `complete`, which exchanges the code for the ID token.
 *   To add it: implement HostedSignInMethod, list it in `signInMethods`, add the callback route.
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
  signOut(): Promise<void>;
}

export type SignInMethod = DevSignInMethod | HostedSignInMethod;

const signInMethods: Record<Env['VITE_SIGN_IN_METHOD'], SignInMethod> = { dev: devSignIn };

export const signInMethod: SignInMethod = signInMethods[env.VITE_SIGN_IN_METHOD];

import type { User, UserManager } from 'oidc-client-ts';
import { SIGN_IN_CALLBACK_PATH, SIGNED_OUT_PATH } from '#shared/auth.ts';
import type { CognitoConfig } from '../../../config/runtime-config.ts';
import { type Session, saveSession } from '../../../lib/session.ts';
import type { HostedSignInMethod } from './sign-in-method.ts';

/** What the app keeps of a signed-in user: the ID token (its claims say organisation and role) and its expiry. */
function sessionOf(user: User): Session {
  if (!user.id_token) throw new Error('The identity provider answered without an ID token');
  const expiresAtSeconds = user.profile.exp;
  return { token: user.id_token, expiresAt: new Date(expiresAtSeconds * 1000).toISOString() };
}

interface SignInState {
  returnTo: string;
}

function isSignInState(value: unknown): value is SignInState {
  return typeof value === 'object' && value !== null && typeof (value as SignInState).returnTo === 'string';
}

/**
 * Cognito's hosted sign-in, through oidc-client-ts: authorization code with PKCE (the verifier stays
 * in this tab's sessionStorage), the ID token as the bearer token, renewed with the refresh token
 * before it expires. The endpoints are given, not discovered, so the app talks to one origin besides
 * its own: the sign-in domain (which the CSP allows). The library loads only when it is needed.
 */
export function cognitoSignIn(config: CognitoConfig): HostedSignInMethod {
  const origin = window.location.origin;
  const signedOutUrl = `${origin}${SIGNED_OUT_PATH}`;
  let manager: Promise<UserManager> | undefined;
  // A renewed token replaces the session's, so requests go on without a new sign-in.
  const keepSession = (user: User) => saveSession(sessionOf(user));
  // A callback URL carries a one-time code: exchanging it twice (React's strict mode runs effects
  // twice) would fail the second time, so both calls share the first exchange.
  const exchanges = new Map<string, Promise<User>>();

  const userManager = () => {
    manager ??= import('oidc-client-ts').then(({ UserManager, WebStorageStateStore }) => {
      const authority = `https://cognito-idp.${config.region}.amazonaws.com/${config.userPoolId}`;
      const created = new UserManager({
        authority,
        client_id: config.userPoolClientId,
        redirect_uri: `${origin}${SIGN_IN_CALLBACK_PATH}`,
        post_logout_redirect_uri: signedOutUrl,
        response_type: 'code',
        scope: 'openid email profile',
        metadata: {
          issuer: authority,
          authorization_endpoint: `${config.signInDomain}/oauth2/authorize`,
          token_endpoint: `${config.signInDomain}/oauth2/token`,
          revocation_endpoint: `${config.signInDomain}/oauth2/revoke`,
          end_session_endpoint: `${config.signInDomain}/logout`,
        },
        loadUserInfo: false,
        automaticSilentRenew: true,
        userStore: new WebStorageStateStore({ store: window.sessionStorage }),
      });
      created.events.addUserLoaded(keepSession);
      return created;
    });
    return manager;
  };

  return {
    kind: 'hosted',
    async start(returnTo) {
      const state: SignInState = { returnTo };
      await (await userManager()).signinRedirect({ state });
    },
    async complete(callbackUrl) {
      let exchange = exchanges.get(callbackUrl.href);
      if (!exchange) {
        exchange = userManager().then(async (signIn) => {
          const user = await signIn.signinCallback(callbackUrl.href);
          if (!user) throw new Error('The sign-in answer carried no user');
          return user;
        });
        exchanges.set(callbackUrl.href, exchange);
      }
      const user = await exchange;
      return { session: sessionOf(user), returnTo: isSignInState(user.state) ? user.state.returnTo : '/' };
    },
    async resume() {
      // Loading the stored user starts the renewal timer again after a reload.
      await (await userManager()).getUser();
    },
    async signOut() {
      const signIn = await userManager();
      // Revoking stores the user again (without its refresh token): that must not bring the session back.
      signIn.events.removeUserLoaded(keepSession);
      // The refresh token dies with the sign-out; if revoking fails the sign-out still goes on.
      await signIn.revokeTokens(['refresh_token']).catch(() => undefined);
      await signIn.removeUser();
      // Cognito's logout endpoint ends its own session cookie, then comes back to the sign-in page.
      window.location.assign(
        `${config.signInDomain}/logout?${new URLSearchParams({ client_id: config.userPoolClientId, logout_uri: signedOutUrl })}`,
      );
    },
  };
}

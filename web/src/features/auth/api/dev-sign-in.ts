import { callEndpoint } from '../../../lib/api-client.ts';
import { loadEndpoints } from '../../../lib/endpoints.ts';
import type { DevSignInMethod } from './sign-in-method.ts';

/** The local runtime's sign-in: `POST /api/dev/login` with the organisation and role to act as. */
export const devSignIn: DevSignInMethod = {
  kind: 'dev',
  signIn: async (request) => callEndpoint((await loadEndpoints()).devLogin, { body: request }),
  // Dev tokens are not recorded anywhere: forgetting the session (done by the caller) is the whole sign-out.
  signOut: async () => {},
};

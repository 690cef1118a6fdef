import { devLoginResponseSchema } from '#shared/api/schemas.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import type { DevSignInMethod } from './sign-in-method.ts';

/** The local runtime's sign-in: `POST /api/dev/login` with the organisation and role to act as. */
export const devSignIn: DevSignInMethod = {
  kind: 'dev',
  signIn: (request) =>
    apiRequest('/dev/login', {
      method: 'POST',
      body: request,
      schema: devLoginResponseSchema,
      authenticated: false,
    }),
  // Dev tokens are not recorded anywhere: forgetting the session (done by the caller) is the whole sign-out.
  signOut: async () => {},
};

import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { NAME_CLAIM, ORGANISATION_CLAIM, ROLE_CLAIM } from '#shared/auth.ts';
import { RETRIES } from '../lib/aws.ts';
import { emailInUse, type IdentityProvider } from './identity.ts';

/**
 * The Cognito user pool as the identity provider. The pool signs in by e-mail, so a user's
 * username is its `sub`: the person's id, which every admin call names. The calls here are exactly
 * the actions the stack grants the people functions, on this pool only (functions/routes.ts).
 */
export function cognitoIdentity(options: {
  userPoolId: string;
  region: string;
  endpoint?: string;
  client?: CognitoIdentityProviderClient;
}): IdentityProvider {
  const client =
    options.client ??
    new CognitoIdentityProviderClient({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...RETRIES,
    });
  const UserPoolId = options.userPoolId;
  const signOut = (Username: string) =>
    client.send(new AdminUserGlobalSignOutCommand({ UserPoolId, Username }));

  return {
    async create(identity) {
      try {
        const answer = await client.send(
          new AdminCreateUserCommand({
            UserPoolId,
            Username: identity.email,
            // Cognito's own invitation: a temporary password to the address (the pool's message).
            DesiredDeliveryMediums: ['EMAIL'],
            UserAttributes: [
              { Name: 'email', Value: identity.email },
              // The inviting coordinator vouches for the address; the invitation reaching it proves it again.
              { Name: 'email_verified', Value: 'true' },
              { Name: ORGANISATION_CLAIM, Value: identity.organisation },
              { Name: ROLE_CLAIM, Value: identity.role },
              ...(identity.name ? [{ Name: NAME_CLAIM, Value: identity.name }] : []),
            ],
          }),
        );
        const subject =
          answer.User?.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value ??
          answer.User?.Username;
        if (!subject) throw new Error('Cognito created the user but answered no subject');
        return { subject };
      } catch (error) {
        if (error instanceof UsernameExistsException) throw emailInUse(identity.email);
        throw error;
      }
    },

    async remove(subject) {
      await client.send(new AdminDeleteUserCommand({ UserPoolId, Username: subject }));
    },

    async update(subject, change, signOutEverywhere) {
      await client.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId,
          Username: subject,
          UserAttributes: [
            { Name: 'email', Value: change.email },
            { Name: 'email_verified', Value: 'true' },
            { Name: ORGANISATION_CLAIM, Value: change.organisation },
            { Name: ROLE_CLAIM, Value: change.role },
            { Name: NAME_CLAIM, Value: change.name },
          ],
        }),
      );
      // Tokens with the former role would be refused anyway (the directory check); this ends the
      // refresh tokens too, so the person signs in again and gets the new claims.
      if (signOutEverywhere) await signOut(subject);
    },

    async disable(subject) {
      await client.send(new AdminDisableUserCommand({ UserPoolId, Username: subject }));
      await signOut(subject);
    },

    async enable(subject) {
      await client.send(new AdminEnableUserCommand({ UserPoolId, Username: subject }));
    },
  };
}

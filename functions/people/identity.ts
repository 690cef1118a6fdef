import type { OrganisationCode, Role } from '#shared/reference/organisations.ts';
import { config } from '../lib/config.ts';
import { AppError } from '../lib/errors.ts';

/**
 * The identity provider behind the people directory: the port the people service calls. On AWS it
 * is the Cognito user pool (./cognito-identity.ts); locally the dev login is the identity provider
 * (./local-identity.ts). Which one runs is configuration (USER_POOL_ID), never the runtime.
 */
export interface NewIdentity {
  email: string;
  organisation: OrganisationCode;
  role: Role;
  name: string;
}

export interface IdentityChange {
  organisation: OrganisationCode;
  role: Role;
  name: string;
  email: string;
}

export interface IdentityProvider {
  /** Creates the account (on AWS: Cognito e-mails the invitation) and answers its subject. */
  create(identity: NewIdentity): Promise<{ subject: string }>;
  /** Undoes a `create` whose directory entry could not be written. */
  remove(subject: string): Promise<void>;
  /** The claims the next tokens carry; signs the person out everywhere when the role changed. */
  update(subject: string, change: IdentityChange, signOut: boolean): Promise<void>;
  /** Refuses any further sign-in and revokes the refresh tokens (the directory refuses the others). */
  disable(subject: string): Promise<void>;
  enable(subject: string): Promise<void>;
}

/** The address already has an account with the identity provider. */
export const emailInUse = (email: string) =>
  new AppError('email_in_use', `${email} already belongs to a person of the directory.`, {
    email: 'This address is already in use',
  });

/**
 * The Cognito actions each people operation calls (./cognito-identity.ts): the stack grants a
 * function exactly its operation's, on the user pool only (functions/routes.ts).
 */
export const COGNITO_ACTIONS = {
  create: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminDeleteUser'],
  update: ['cognito-idp:AdminUpdateUserAttributes', 'cognito-idp:AdminUserGlobalSignOut'],
  disable: ['cognito-idp:AdminDisableUser', 'cognito-idp:AdminUserGlobalSignOut'],
  enable: ['cognito-idp:AdminEnableUser'],
} as const;

let provider: IdentityProvider | undefined;

/** The configured adapter, created once per execution environment. */
export async function identityProvider(): Promise<IdentityProvider> {
  if (provider) return provider;
  const { USER_POOL_ID, AWS_REGION, COGNITO_ENDPOINT } = config();
  if (USER_POOL_ID) {
    const { cognitoIdentity } = await import('./cognito-identity.ts');
    provider = cognitoIdentity({
      userPoolId: USER_POOL_ID,
      region: AWS_REGION,
      ...(COGNITO_ENDPOINT ? { endpoint: COGNITO_ENDPOINT } : {}),
    });
  } else {
    const { localIdentity } = await import('./local-identity.ts');
    provider = localIdentity();
  }
  return provider;
}

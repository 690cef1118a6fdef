import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../functions/lib/errors.ts';
import { cognitoIdentity } from '../../functions/people/cognito-identity.ts';
import type { IdentityProvider } from '../../functions/people/identity.ts';
import { type CognitoStandIn, startCognitoStandIn } from '../support/cognito-stand-in.ts';

/** The people service's Cognito adapter against the Cognito stand-in the operators' script is tested with. */
let cognito: CognitoStandIn;
let identity: IdentityProvider;
const POOL = 'eu-west-1_AbCdEf123';

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = 'test';
  process.env.AWS_SECRET_ACCESS_KEY = 'test';
  cognito = await startCognitoStandIn();
  identity = cognitoIdentity({ userPoolId: POOL, region: 'eu-west-1', endpoint: cognito.endpoint });
});
afterAll(async () => {
  await cognito.stop();
});
beforeEach(() => {
  cognito.calls.length = 0;
});

const actions = () => cognito.calls.map((call) => call.target.split('.')[1]);

describe('the Cognito identity adapter', () => {
  it("creates the user with Cognito's invitation e-mail and our claims, and answers its sub", async () => {
    const { subject } = await identity.create({
      email: 'dora@bmi.bund.de',
      organisation: 'DE',
      role: 'coordinator',
      name: 'Dora',
    });
    expect(cognito.users.get(subject)?.attributes).toMatchObject({
      email: 'dora@bmi.bund.de',
      'custom:organisation': 'DE',
      'custom:role': 'coordinator',
      name: 'Dora',
    });
    expect(cognito.calls[0]?.body).toMatchObject({
      UserPoolId: POOL,
      Username: 'dora@bmi.bund.de',
      DesiredDeliveryMediums: ['EMAIL'],
    });
  });

  it('answers email_in_use when the pool has the address already', async () => {
    await identity.create({ email: 'twice@example.eu', organisation: 'FR', role: 'reader', name: 'T' });
    const again = identity.create({
      email: 'twice@example.eu',
      organisation: 'FR',
      role: 'editor',
      name: 'T',
    });
    await expect(again).rejects.toBeInstanceOf(AppError);
    await expect(again).rejects.toMatchObject({ code: 'email_in_use' });
  });

  it('changes the claims by the sub, signing out everywhere only on a change of role', async () => {
    const { subject } = await identity.create({
      email: 'emil@example.eu',
      organisation: 'DE',
      role: 'editor',
      name: 'Emil',
    });
    cognito.calls.length = 0;
    const change = { email: 'emil@example.eu', organisation: 'DE', role: 'editor', name: 'Emil E.' } as const;
    await identity.update(subject, change, false);
    expect(actions()).toEqual(['AdminUpdateUserAttributes']);
    expect(cognito.calls[0]?.body.Username).toBe(subject);
    await identity.update(subject, { ...change, role: 'coordinator' }, true);
    expect(actions()).toEqual([
      'AdminUpdateUserAttributes',
      'AdminUpdateUserAttributes',
      'AdminUserGlobalSignOut',
    ]);
    expect(cognito.users.get(subject)?.attributes).toMatchObject({
      'custom:role': 'coordinator',
      name: 'Emil E.',
    });
  });

  it('disables the user and revokes its sessions; enables it again; removes it', async () => {
    const { subject } = await identity.create({
      email: 'x@example.eu',
      organisation: 'AT',
      role: 'reader',
      name: 'X',
    });
    cognito.calls.length = 0;
    await identity.disable(subject);
    expect(actions()).toEqual(['AdminDisableUser', 'AdminUserGlobalSignOut']);
    expect(cognito.users.get(subject)).toMatchObject({ enabled: false, signedOutAt: expect.any(Number) });
    await identity.enable(subject);
    expect(cognito.users.get(subject)?.enabled).toBe(true);
    await identity.remove(subject);
    expect(cognito.users.has(subject)).toBe(false);
    expect(cognito.calls.every((call) => call.body.UserPoolId === POOL)).toBe(true);
  });
});

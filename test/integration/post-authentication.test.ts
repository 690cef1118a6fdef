import type { PostAuthenticationTriggerEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as recordSignIn } from '../../functions/handlers/post-authentication.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

/** The user pool's post-authentication trigger (AWS), over DynamoDB Local. */
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

/** A post-authentication event as Cognito sends it, for the user with this subject. */
const signInEvent = (sub: string) =>
  ({
    version: '1',
    triggerSource: 'PostAuthentication_Authentication',
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_test',
    userName: sub,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'web-client' },
    request: { userAttributes: { sub, email: 'someone@example.eu' }, newDeviceUsed: false },
    response: {},
  }) as PostAuthenticationTriggerEvent;

async function lastSignInOf(token: string, organisation: string, id: string): Promise<string | undefined> {
  const list = await app.call('GET', `/api/people?organisation=${organisation}`, { token });
  return (list.json.items as { id: string; lastSignInAt?: string }[]).find((p) => p.id === id)?.lastSignInAt;
}

describe('the post-authentication trigger', () => {
  it("records the person's last sign-in and hands Cognito its event back", async () => {
    const admin = await app.login('EC', 'admin');
    const invited = await app.call('POST', '/api/people', {
      token: admin,
      body: {
        organisation: 'SE',
        role: 'reader',
        name: 'Sara Lind',
        email: 'sara.lind@example.se',
        language: 'en',
      },
    });
    expect(invited.status).toBe(201);
    const id = invited.json.id as string;
    expect(await lastSignInOf(admin, 'SE', id)).toBeUndefined();

    const before = Date.now();
    const event = signInEvent(id);
    expect(await recordSignIn(event)).toBe(event);
    const recorded = await lastSignInOf(admin, 'SE', id);
    expect(Date.parse(recorded ?? '')).toBeGreaterThanOrEqual(before - 1000);
  });

  it('lets the sign-in through when the subject is not in the directory (the request check refuses it later)', async () => {
    const event = signInEvent('00000000-0000-4000-8000-000000000000');
    await expect(recordSignIn(event)).resolves.toBe(event);
  });
});

import { createDevTokenService } from '../../local/dev-auth.ts';
import type { World } from './world.ts';

const decode = (segment: string) => JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Tokens no one should get past the door with, one that gets past it with a role its
 * organisation cannot hold, and one of a person disabled since it was issued. Minted with the app's own key where the point is that only one thing
 * is wrong.
 */
export async function hostileTokens(world: World) {
  const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
  const sameKeyInThePast = await createDevTokenService({ keyFile: world.keyFile, now: () => twoHoursAgo });
  const sameKey = await createDevTokenService({ keyFile: world.keyFile });
  const anotherKey = await createDevTokenService();

  const expired = (await sameKeyInThePast.issue({ organisation: 'DE', role: 'coordinator' })).token;
  const otherKey = (await anotherKey.issue({ organisation: 'EC', role: 'admin' })).token;

  // A reader of SE promotes itself to the Commission's administrator, keeping the signature.
  const [header, payload, signature] = (await world.app.login('SE', 'reader')).split('.') as [
    string,
    string,
    string,
  ];
  const tampered = [
    header,
    encode({ ...decode(payload), 'custom:organisation': 'EC', 'custom:role': 'admin' }),
    signature,
  ].join('.');

  // The same claims, "signed" with no algorithm at all.
  const [, ecPayload] = world.tokens['EC:admin'].split('.') as [string, string];
  const unsigned = [encode({ alg: 'none', typ: 'JWT' }), ecPayload, ''].join('.');

  // The dev login refuses this pair; the key does not care, so the API must.
  const impossibleRole = (await sameKey.issue({ organisation: 'DE', role: 'admin' })).token;

  // A DE editor of the directory signs in, then the EC admin disables it: the token is still valid.
  const email = `disabled.editor.${Date.now()}@example.eu`;
  const invited = await world.expectCall(
    'EC:admin',
    'POST',
    '/api/people',
    { organisation: 'DE', role: 'editor', name: 'Disabled Editor', email, language: 'en' },
    201,
  );
  const signIn = await world.call('POST', '/api/dev/login', { body: { email } });
  const disabled = signIn.json.token as string;
  await world.expectCall(
    'EC:admin',
    'POST',
    `/api/people/${invited.json.id}/disable`,
    { version: invited.json.version },
    200,
  );

  return { expired, otherKey, tampered, unsigned, impossibleRole, disabled };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

describe('GET /api/health', () => {
  it('answers ok without a token once the table answers', async () => {
    const answer = await app.call('GET', '/api/health');
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ status: 'ok' });
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

describe('sign-in and identity', () => {
  it('gives a DE editor token that /api/me reads back as DE editor', async () => {
    const token = await app.login('DE', 'editor');
    const me = await app.call('GET', '/api/me', { token });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ organisation: 'DE', organisationName: 'Germany', role: 'editor' });
    expect(me.json.capabilities).toEqual([
      'secondments.read',
      'secondments.write',
      'secondments.drafts',
      'networks.record_activity',
      'contributions.write',
      'reports.read_generated',
    ]);
    const parliament = await app.call('GET', '/api/me', { token: await app.login('EP', 'reader') });
    expect(parliament.json.capabilities).toEqual(['reports.read_annual']);
    const commission = await app.call('GET', '/api/me', { token: await app.login('EC', 'admin') });
    expect(commission.json.capabilities).toEqual(
      expect.arrayContaining(['secondments.read', 'semesters.close', 'regions.manage', 'drafting.reassign']),
    );
  });

  it('answers 401 in the error format when there is no token', async () => {
    const answer = await app.call('GET', '/api/me');
    expect(answer.status).toBe(401);
    expect(answer.json.error.code).toBe('unauthenticated');
    expect(answer.json.error.message).toEqual(expect.any(String));
  });

  it('answers 401 for a token that is not ours, or tampered', async () => {
    const token = await app.login('DE', 'editor');
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    const tampered = Buffer.from(JSON.stringify({ ...claims, 'custom:organisation': 'FR' })).toString(
      'base64url',
    );
    for (const bad of [`${header}.${tampered}.${signature}`, 'not-a-jwt', `${token}x`]) {
      const answer = await app.call('GET', '/api/me', { token: bad });
      expect(answer.status, bad).toBe(401);
    }
  });

  it('refuses a role the organisation cannot hold, naming the field', async () => {
    const answer = await app.call('POST', '/api/dev/login', {
      body: { organisation: 'COUNCIL', role: 'editor' },
    });
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe('invalid_request');
    expect(Object.keys(answer.json.error.fields)).toEqual(['role']);
  });

  it('names unknown and wrong fields in a 400', async () => {
    const answer = await app.call('POST', '/api/dev/login', {
      body: { organisation: 'XX', role: 'reader', isAdmin: true },
    });
    expect(answer.status).toBe(400);
    expect(answer.json.error.fields).toMatchObject({
      organisation: expect.any(String),
      isAdmin: expect.any(String),
    });
  });
});

describe('malformed requests', () => {
  it('answers malformed JSON with a JSON 400, never a 500', async () => {
    const answer = await app.call('POST', '/api/dev/login', { rawBody: '{"organisation": "DE",' });
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe('invalid_request');
    expect(answer.json.error.fields).toHaveProperty('(body)');
  });

  it('answers a body that is not JSON with 415', async () => {
    const answer = await app.call('POST', '/api/dev/login', {
      rawBody: 'organisation=DE',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(answer.status).toBe(415);
    expect(answer.json.error.code).toBe('unsupported_media_type');
  });

  it('answers a body over the limit with 413', async () => {
    const answer = await app.call('POST', '/api/dev/login', {
      body: { organisation: 'DE', role: 'editor', name: 'x'.repeat(1_100_000) },
    });
    expect(answer.status).toBe(413);
    expect(answer.json.error.code).toBe('payload_too_large');
  });

  it('answers an unknown route with a JSON 404 and a wrong method with 405', async () => {
    const missing = await app.call('GET', '/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('not_found');
    const wrongMethod = await app.call('DELETE', '/api/health');
    expect(wrongMethod.status).toBe(405);
  });
});

describe('GET /api/reference', () => {
  it('lists 31 states with DK not bound, the host countries, and IE as Presidency of 2026-H2', async () => {
    const token = await app.login('FR', 'reader');
    const answer = await app.call('GET', '/api/reference', { token });
    expect(answer.status).toBe(200);
    const { states, hostCountries, semesters, reportTemplates } = answer.json;
    expect(states).toHaveLength(31);
    expect(states.find((s: { code: string }) => s.code === 'DK')).toEqual({
      code: 'DK',
      name: 'Denmark',
      bound: false,
    });
    expect(states.filter((s: { bound: boolean }) => !s.bound)).toHaveLength(1);
    expect(hostCountries.length).toBeGreaterThan(190);
    const hostCodes = new Set(hostCountries.map((c: { code: string }) => c.code));
    expect(hostCodes.has('TR')).toBe(true);
    expect(hostCodes.has('DE')).toBe(false);
    expect(hostCodes.has('NO')).toBe(false);
    expect(semesters.find((s: { id: string }) => s.id === '2026-H2')).toMatchObject({
      presidency: 'IE',
      start: '2026-07-01',
      end: '2026-12-31',
      startsAt: '2026-06-30T22:00:00.000Z',
    });
    expect(reportTemplates[0].version).toBe(1);
  });
});

describe('GET /api/openapi.json', () => {
  it('publishes the contract generated from the zod schemas', async () => {
    expect((await app.call('GET', '/api/openapi.json')).status).toBe(401);
    const token = await app.login('DE', 'reader');
    const answer = await app.call('GET', '/api/openapi.json', { token });
    expect(answer.status).toBe(200);
    expect(answer.json.openapi).toBe('3.1.0');
    expect(Object.keys(answer.json.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/me', '/api/reference', '/api/dev/login']),
    );
    const loginRef =
      answer.json.paths['/api/dev/login'].post.requestBody.content['application/json'].schema.$ref;
    expect(loginRef).toBe('#/components/schemas/DevLoginRequest');
    const loginBody = answer.json.components.schemas.DevLoginRequest;
    // Either form of the dev login (issue 16): an e-mail of the directory, or an organisation and a role.
    expect(loginBody.anyOf).toContainEqual({ required: expect.arrayContaining(['organisation', 'role']) });
    expect(loginBody.additionalProperties).toBe(false);
    expect(answer.json.paths['/api/me'].get.security).toEqual([{ bearer: [] }]);
    expect(answer.json.components.schemas.Error.properties.error).toBeDefined();
  });
});

import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_CALLBACK_PATH, SIGNED_OUT_PATH } from '#shared/auth.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { expectNoSeriousViolations, launchBrowser } from '../support/browser.ts';

/**
 * The web app as deployed: /config.json says `cognito`, and the browser goes through the hosted
 * sign-in. Cognito cannot run here, so a stand-in serves its OAuth endpoints exactly as the app
 * calls them (authorize, token, revoke, logout) and checks what Cognito would check: the client,
 * the callback address, and the PKCE verifier against the challenge. Its token is a dev token of the
 * local runtime, which the local API verifies as the JWT authorizer would verify Cognito's.
 */

const CLIENT_ID = 'web-client-id';
const ISSUED_CODE = 'one-time-code';

interface StandIn {
  server: Server;
  origin: string;
  authorizeRequests: URLSearchParams[];
  tokenRequests: URLSearchParams[];
  revokeRequests: URLSearchParams[];
  logoutRequests: URLSearchParams[];
  /** Answers the token endpoint with this ID token. */
  idToken?: string;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

const base64Url = (bytes: Buffer) => bytes.toString('base64url');

async function startCognitoStandIn(): Promise<StandIn> {
  const standIn: StandIn = {
    server: createServer(),
    origin: '',
    authorizeRequests: [],
    tokenRequests: [],
    revokeRequests: [],
    logoutRequests: [],
  };
  standIn.server.on('request', async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    // Cognito's token and revoke endpoints answer browsers on any origin.
    const cors = { 'access-control-allow-origin': '*' };
    if (request.method === 'OPTIONS') {
      response.writeHead(204, { ...cors, 'access-control-allow-headers': 'content-type, authorization' });
      response.end();
      return;
    }
    if (url.pathname === '/oauth2/authorize') {
      standIn.authorizeRequests.push(url.searchParams);
      // The person signs in (password and authenticator code) and Cognito sends the browser back.
      const back = new URL(url.searchParams.get('redirect_uri') ?? '');
      back.searchParams.set('code', ISSUED_CODE);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      response.writeHead(302, { location: back.href });
      response.end();
      return;
    }
    if (url.pathname === '/oauth2/token' && request.method === 'POST') {
      const form = new URLSearchParams(await readBody(request));
      standIn.tokenRequests.push(form);
      const authorize = standIn.authorizeRequests.at(-1);
      const verifier = form.get('code_verifier') ?? '';
      const challengeMatches =
        authorize?.get('code_challenge') === base64Url(createHash('sha256').update(verifier).digest());
      const valid =
        form.get('grant_type') === 'authorization_code' &&
        form.get('code') === ISSUED_CODE &&
        form.get('client_id') === CLIENT_ID &&
        form.get('redirect_uri') === authorize?.get('redirect_uri') &&
        challengeMatches;
      if (!valid || !standIn.idToken) {
        response.writeHead(400, { ...cors, 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: 'invalid_grant' }));
        return;
      }
      response.writeHead(200, { ...cors, 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          id_token: standIn.idToken,
          access_token: standIn.idToken,
          refresh_token: 'opaque-refresh-token',
          token_type: 'Bearer',
          expires_in: 3600,
        }),
      );
      return;
    }
    if (url.pathname === '/oauth2/revoke' && request.method === 'POST') {
      standIn.revokeRequests.push(new URLSearchParams(await readBody(request)));
      response.writeHead(200, cors);
      response.end();
      return;
    }
    if (url.pathname === '/logout') {
      standIn.logoutRequests.push(url.searchParams);
      response.writeHead(302, { location: url.searchParams.get('logout_uri') ?? '/' });
      response.end();
      return;
    }
    response.writeHead(404);
    response.end();
  });
  await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
  standIn.origin = `http://127.0.0.1:${(standIn.server.address() as AddressInfo).port}`;
  return standIn;
}

let standIn: StandIn;
let app: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: Error[] = [];

beforeAll(async () => {
  standIn = await startCognitoStandIn();
  [app, browser] = await Promise.all([
    startTestApp({
      serveWeb: true,
      webConfig: {
        apiBaseUrl: '/api',
        signInMethod: 'cognito',
        region: 'eu-west-1',
        userPoolId: 'eu-west-1_TestPool1',
        userPoolClientId: CLIENT_ID,
        signInDomain: standIn.origin,
      },
    }),
    launchBrowser(),
  ]);
  standIn.idToken = await app.login('FR', 'editor');
  context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Brussels' });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.stop();
  await new Promise((resolve) => standIn?.server.close(resolve));
});

describe('hosted sign-in (authorization code with PKCE)', () => {
  it('sends a signed-out person to the hosted sign-in and back to the page they asked for', async () => {
    await page.goto(`${app.baseUrl}/secondments`);
    await page.waitForURL(/\/sign-in\?returnTo=%2Fsecondments$/);
    await expect.poll(() => page.getByRole('button', { name: 'Continue to sign-in' }).isVisible()).toBe(true);
    await expectNoSeriousViolations(page);

    await page.getByRole('button', { name: 'Continue to sign-in' }).click();
    await page.waitForURL(`${app.baseUrl}/secondments`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Secondments/);

    const authorize = standIn.authorizeRequests.at(-1);
    expect(authorize?.get('response_type')).toBe('code');
    expect(authorize?.get('client_id')).toBe(CLIENT_ID);
    expect(authorize?.get('redirect_uri')).toBe(`${app.baseUrl}${SIGN_IN_CALLBACK_PATH}`);
    expect(authorize?.get('scope')).toBe('openid email profile');
    expect(authorize?.get('code_challenge_method')).toBe('S256');
    expect(authorize?.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    // The stand-in answered the token request only because the verifier matched the challenge.
    expect(standIn.tokenRequests).toHaveLength(1);
    expect(standIn.tokenRequests[0]?.get('code_verifier')).toMatch(/^[\w-]{43,128}$/);
    // The ID token is the bearer token: the API answered as France's editor.
    await expect.poll(() => page.getByText(/Signed in: France/).isVisible()).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('keeps the session across a reload, without signing in again', async () => {
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Secondments/);
    expect(page.url()).toBe(`${app.baseUrl}/secondments`);
    expect(standIn.tokenRequests).toHaveLength(1);
  });

  it('signs out at the hosted domain too, revoking the refresh token, and lands on the sign-in page', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    // Back from the hosted domain's logout: a full page load of the sign-in page.
    await expect.poll(() => standIn.logoutRequests.length).toBe(1);
    await page.waitForURL(`${app.baseUrl}${SIGNED_OUT_PATH}`, { waitUntil: 'load' });
    await expect.poll(() => page.getByRole('button', { name: 'Continue to sign-in' }).isVisible()).toBe(true);
    expect(standIn.revokeRequests.at(-1)?.get('token')).toBe('opaque-refresh-token');
    const logout = standIn.logoutRequests.at(-1);
    expect(logout?.get('client_id')).toBe(CLIENT_ID);
    expect(logout?.get('logout_uri')).toBe(`${app.baseUrl}${SIGNED_OUT_PATH}`);
    // Nothing of the session is left in the tab.
    // biome-ignore lint/suspicious/noExplicitAny: the page's own sessionStorage, read in the browser.
    const stored = await page.evaluate(() => Object.keys((globalThis as any).sessionStorage));
    expect(stored.filter((key) => key.startsWith('ilo.session') || key.startsWith('oidc.user'))).toEqual([]);
    await page.goto(`${app.baseUrl}/secondments`);
    await page.waitForURL(/\/sign-in\?returnTo=%2Fsecondments$/);
  });

  it('says what to do when the sign-in answer cannot be used (a code used already)', async () => {
    await page.goto(`${app.baseUrl}${SIGN_IN_CALLBACK_PATH}?code=${ISSUED_CODE}&state=unknown-state`);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/could not be completed/);
    await page.getByRole('link', { name: 'Back to the sign-in page' }).click();
    await expect.poll(() => page.url()).toBe(`${app.baseUrl}${SIGNED_OUT_PATH}`);
    await expect.poll(() => page.getByRole('button', { name: 'Continue to sign-in' }).isVisible()).toBe(true);
    await expectNoSeriousViolations(page);
  });
});

import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { DEV_TOKEN_LIFETIME_SECONDS, NAME_CLAIM, ORGANISATION_CLAIM, ROLE_CLAIM } from '#shared/auth.ts';
import { type OrganisationCode, organisationName } from '#shared/reference/organisations.ts';

/**
 * Local stand-in for Cognito: issues ID-token-shaped JWTs (RS256) with the same claims a Cognito ID
 * token of this product carries, and verifies them the way the HTTP API JWT authorizer would.
 */
export const DEV_ISSUER = 'urn:ilo-network:local-dev';
export const DEV_AUDIENCE = 'ilo-network-local-web';
const ALGORITHM = 'RS256';

/** Whom a dev token is for: a person of the directory (the subject defaults to its demo person's). */
export interface DevTokenClaims {
  organisation: string;
  role: string;
  name?: string;
  subject?: string;
  email?: string;
}

export interface DevTokenService {
  issue(claims: DevTokenClaims): Promise<{ token: string; expiresAt: string }>;
  /** The claims as the HTTP API authorizer passes them to a handler (every value a string), or undefined. */
  verify(token: string): Promise<Record<string, string> | undefined>;
}

/** Loads the signing key from `keyFile` (creating it on first use), or keeps one in memory. */
export async function createDevTokenService(options: { keyFile?: string; now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date());
  const { privateKey, publicKey } = await loadOrCreateKeyPair(options.keyFile);

  const service: DevTokenService = {
    async issue({ organisation, role, name, subject, email }) {
      const issuedAt = Math.floor(now().getTime() / 1000);
      const expires = issuedAt + DEV_TOKEN_LIFETIME_SECONDS;
      const username = `${organisation.toLowerCase()}-${role}`;
      const token = await new SignJWT({
        token_use: 'id',
        'cognito:username': subject ?? username,
        [ORGANISATION_CLAIM]: organisation,
        [ROLE_CLAIM]: role,
        [NAME_CLAIM]: name ?? demoName(organisation, role),
        ...(email ? { email } : {}),
        auth_time: issuedAt,
      })
        .setProtectedHeader({ alg: ALGORITHM, kid: 'local-dev' })
        .setSubject(subject ?? `local-${username}`)
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setJti(randomUUID())
        .setIssuedAt(issuedAt)
        .setExpirationTime(expires)
        .sign(privateKey);
      return { token, expiresAt: new Date(expires * 1000).toISOString() };
    },

    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, publicKey, {
          issuer: DEV_ISSUER,
          audience: DEV_AUDIENCE,
          algorithms: [ALGORITHM],
          currentDate: now(),
        });
        return authorizerClaims(payload);
      } catch {
        return undefined;
      }
    },
  };
  return service;
}

/** The name an organisation's demo person gets when the dev login names none. */
export const demoName = (organisation: string, role: string) =>
  `Demo ${role} (${organisationName(organisation as OrganisationCode)})`;

/** API Gateway HTTP API passes JWT claims to the integration as strings; arrays as `[a b]`. */
export function authorizerClaims(payload: JWTPayload): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) claims[name] = `[${value.join(' ')}]`;
    else if (typeof value === 'object') claims[name] = JSON.stringify(value);
    else claims[name] = String(value);
  }
  return claims;
}

async function loadOrCreateKeyPair(keyFile: string | undefined) {
  if (keyFile && existsSync(keyFile)) {
    const jwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = jwk;
    return { privateKey: await importJWK(jwk, ALGORITHM), publicKey: await importJWK(publicJwk, ALGORITHM) };
  }
  const pair = await generateKeyPair(ALGORITHM, { extractable: true });
  if (keyFile) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, JSON.stringify(await exportJWK(pair.privateKey)), { mode: 0o600 });
  }
  return pair;
}

import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in of the Cognito user pool API: the same JSON protocol (POST /, `X-Amz-Target:
 * AWSCognitoIdentityProviderService.<Action>`) and the answers Cognito gives for the admin actions
 * the product calls. Like a pool that signs in by e-mail, a user's username is its `sub`.
 */
export interface CognitoCall {
  target: string;
  body: Record<string, unknown>;
}

export interface StandInUser {
  sub: string;
  email: string;
  enabled: boolean;
  attributes: Record<string, string>;
  signedOutAt?: number;
}

export interface CognitoStandIn {
  endpoint: string;
  calls: CognitoCall[];
  /** By sub. */
  users: Map<string, StandInUser>;
  stop(): Promise<void>;
}

const ACTION_PREFIX = 'AWSCognitoIdentityProviderService.';

export async function startCognitoStandIn(): Promise<CognitoStandIn> {
  const calls: CognitoCall[] = [];
  const users = new Map<string, StandInUser>();
  const byName = (name: unknown) =>
    users.get(String(name)) ?? [...users.values()].find((u) => u.email === String(name).toLowerCase());

  const server: Server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => {
      raw += chunk;
    });
    request.on('end', () => {
      const target = String(request.headers['x-amz-target'] ?? '');
      const body = JSON.parse(raw) as Record<string, unknown>;
      calls.push({ target, body });
      const headers = { 'content-type': 'application/x-amz-json-1.1' };
      const fail = (type: string, message: string) => {
        response.writeHead(400, { ...headers, 'x-amzn-errortype': type });
        response.end(JSON.stringify({ __type: type, message }));
      };
      const answer = (value: unknown) => {
        response.writeHead(200, headers);
        response.end(JSON.stringify(value));
      };
      const attributes = (body.UserAttributes ?? []) as { Name: string; Value: string }[];
      const action = target.slice(ACTION_PREFIX.length);
      if (action === 'AdminCreateUser') {
        if (byName(body.Username))
          return fail('UsernameExistsException', 'An account with the given email already exists.');
        const sub = randomUUID();
        users.set(sub, {
          sub,
          email: String(body.Username).toLowerCase(),
          enabled: true,
          attributes: Object.fromEntries(attributes.map((a) => [a.Name, a.Value])),
        });
        return answer({
          User: {
            Username: sub,
            Attributes: [...attributes, { Name: 'sub', Value: sub }],
            UserStatus: 'FORCE_CHANGE_PASSWORD',
            Enabled: true,
          },
        });
      }
      const user = byName(body.Username);
      if (!user) return fail('UserNotFoundException', 'User does not exist.');
      switch (action) {
        case 'AdminDeleteUser':
          users.delete(user.sub);
          break;
        case 'AdminUpdateUserAttributes':
          for (const a of attributes) user.attributes[a.Name] = a.Value;
          break;
        case 'AdminDisableUser':
          user.enabled = false;
          break;
        case 'AdminEnableUser':
          user.enabled = true;
          break;
        case 'AdminUserGlobalSignOut':
          user.signedOutAt = Date.now();
          break;
        default:
          return fail('InvalidParameterException', `The stand-in does not know ${action}.`);
      }
      return answer({});
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    users,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

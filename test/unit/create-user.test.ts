import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/create-user.ts';

/**
 * The operators' user-creation script against a stand-in of the Cognito API: the same JSON protocol
 * (POST /, `X-Amz-Target: AWSCognitoIdentityProviderService.<Action>`), the answers Cognito gives.
 */
interface CognitoCall {
  target: string;
  body: Record<string, unknown>;
}

let server: Server;
const calls: CognitoCall[] = [];
const existing = new Set<string>();

beforeAll(async () => {
  server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => {
      raw += chunk;
    });
    request.on('end', () => {
      const target = String(request.headers['x-amz-target'] ?? '');
      const body = JSON.parse(raw) as Record<string, unknown>;
      calls.push({ target, body });
      const headers = { 'content-type': 'application/x-amz-json-1.1' };
      if (target.endsWith('.AdminCreateUser') && existing.has(String(body.Username))) {
        response.writeHead(400, { ...headers, 'x-amzn-errortype': 'UsernameExistsException' });
        response.end(
          JSON.stringify({
            __type: 'UsernameExistsException',
            message: 'An account with the given email already exists.',
          }),
        );
        return;
      }
      existing.add(String(body.Username));
      response.writeHead(200, headers);
      response.end(
        JSON.stringify({
          User: {
            Username: body.Username,
            Attributes: body.UserAttributes,
            UserStatus: 'FORCE_CHANGE_PASSWORD',
            Enabled: true,
          },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.COGNITO_ENDPOINT = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.AWS_ACCESS_KEY_ID = 'test';
  process.env.AWS_SECRET_ACCESS_KEY = 'test';
});

afterAll(async () => {
  delete process.env.COGNITO_ENDPOINT;
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  calls.length = 0;
});

async function run(args: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await main(args, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}

const POOL = ['--user-pool-id', 'eu-west-1_AbCdEf123'];

describe('npm run create-user', () => {
  it('creates the account with the organisation and role claims the API reads, invitation by e-mail', async () => {
    const { code, output } = await run([
      ...POOL,
      '--email',
      'anne.martin@interieur.gouv.fr',
      '--organisation',
      'fr',
      '--role',
      'Editor',
      '--name',
      'Anne Martin',
    ]);
    expect(code).toBe(0);
    expect(output).toMatch(/Created anne\.martin@interieur\.gouv\.fr: editor for France/);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.target).toBe('AWSCognitoIdentityProviderService.AdminCreateUser');
    expect(calls[0]?.body).toEqual({
      UserPoolId: 'eu-west-1_AbCdEf123',
      Username: 'anne.martin@interieur.gouv.fr',
      DesiredDeliveryMediums: ['EMAIL'],
      UserAttributes: [
        { Name: 'email', Value: 'anne.martin@interieur.gouv.fr' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'custom:organisation', Value: 'FR' },
        { Name: 'custom:role', Value: 'editor' },
        { Name: 'name', Value: 'Anne Martin' },
      ],
    });
  });

  it('creates the first Commission administrator', async () => {
    const { code } = await run([
      ...POOL,
      '--email',
      'admin@ec.europa.eu',
      '--organisation',
      'EC',
      '--role',
      'admin',
    ]);
    expect(code).toBe(0);
    expect(calls[0]?.body.UserAttributes).toContainEqual({ Name: 'custom:role', Value: 'admin' });
  });

  it('says so, and changes nothing, when the address already has an account', async () => {
    await run([...POOL, '--email', 'twice@example.eu', '--organisation', 'DE', '--role', 'reader']);
    const { code, output } = await run([
      ...POOL,
      '--email',
      'twice@example.eu',
      '--organisation',
      'DE',
      '--role',
      'editor',
    ]);
    expect(code).toBe(1);
    expect(output).toMatch(/twice@example\.eu already has an account/);
  });

  it('refuses a role the organisation cannot hold, listing the ones it can, without calling Cognito', async () => {
    const { code, output } = await run([
      ...POOL,
      '--email',
      'x@example.eu',
      '--organisation',
      'FR',
      '--role',
      'admin',
    ]);
    expect(code).toBe(2);
    expect(output).toMatch(/--role: this organisation has no such role/);
    expect(output).toMatch(/Roles for FR: editor, coordinator, reader\./);
    expect(calls).toEqual([]);
  });

  it('names every wrong option and shows the usage', async () => {
    const { code, output } = await run([
      ...POOL,
      '--email',
      'not-an-address',
      '--organisation',
      'XX',
      '--role',
      'editor',
    ]);
    expect(code).toBe(2);
    expect(output).toMatch(/--email: must be an e-mail address/);
    expect(output).toMatch(/--organisation/);
    expect(output).toMatch(/Usage: npm run create-user/);
    expect(calls).toEqual([]);
  });

  it('finds the user pool of an environment in the deploy outputs, or says how to give it', async () => {
    const { code, output } = await run([
      '--env',
      'prod',
      '--outputs',
      '/nonexistent/cdk-outputs.json',
      '--email',
      'x@example.eu',
      '--organisation',
      'FR',
      '--role',
      'editor',
    ]);
    expect(code).toBe(2);
    expect(output).toMatch(/No \/nonexistent\/cdk-outputs\.json .* pass --user-pool-id/);
  });
});

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { AuditRepository } from '../../functions/audit/audit-repository.ts';
import { PersonRepository } from '../../functions/people/person-repository.ts';
import { ensureTable } from '../../local/provision.ts';
import { main } from '../../scripts/create-user.ts';
import { type CognitoStandIn, startCognitoStandIn } from '../support/cognito-stand-in.ts';

/**
 * The operators' user-creation script against a stand-in of the Cognito API (test/support), and the
 * people directory in a table of the embedded DynamoDB Local: the script goes through the people
 * service, so the account and the person's entry are made together.
 */
let cognito: CognitoStandIn;
let calls: CognitoStandIn['calls'];

beforeAll(async () => {
  cognito = await startCognitoStandIn();
  calls = cognito.calls;
  process.env.COGNITO_ENDPOINT = cognito.endpoint;
  process.env.AWS_ACCESS_KEY_ID = 'test';
  process.env.AWS_SECRET_ACCESS_KEY = 'test';
  // The environment's table, as --env would name it: here one of the embedded server.
  const dynamoEndpoint = inject('dynamoEndpoint');
  process.env.DYNAMODB_ENDPOINT = dynamoEndpoint;
  process.env.TABLE_NAME = `test-create-user-${Date.now()}`;
  const client = new DynamoDBClient({ endpoint: dynamoEndpoint, region: 'eu-west-1' });
  await ensureTable(client, process.env.TABLE_NAME);
  client.destroy();
});

afterAll(async () => {
  delete process.env.COGNITO_ENDPOINT;
  await cognito.stop();
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

  it("writes the person's directory entry with Cognito's sub as its id, audited as the operator's", async () => {
    const { code } = await run([
      ...POOL,
      '--email',
      'Karl.Kurz@bmi.bund.de',
      '--organisation',
      'DE',
      '--role',
      'coordinator',
    ]);
    expect(code).toBe(0);
    const person = await PersonRepository.findByEmail('karl.kurz@bmi.bund.de');
    expect(person).toMatchObject({
      organisation: 'DE',
      role: 'coordinator',
      status: 'active',
      name: 'Karl.Kurz',
    });
    expect(cognito.users.get(person?.id ?? '')?.attributes['custom:role']).toBe('coordinator');
    const trail = await AuditRepository.listForEntity('person', person?.id ?? '', 10, undefined);
    expect(trail.items.map((entry) => [entry.action, entry.actor.subject])).toEqual([
      ['created', 'operator'],
    ]);
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

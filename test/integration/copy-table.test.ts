import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { copyTable, main } from '../../scripts/copy-table.ts';

// The restore procedure's copy step (docs/operations.md), over DynamoDB Local.
let client: DynamoDBDocumentClient;
const suffix = Math.random().toString(36).slice(2, 8);
const restored = `restored-${suffix}`;
const live = `live-${suffix}`;

async function createTable(name: string) {
  await client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    }),
  );
}

beforeAll(async () => {
  // DynamoDB Local takes any credentials; the script reads its endpoint as the local runtime sets it.
  Object.assign(process.env, {
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_REGION: 'eu-west-1',
  });
  client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-1' }),
  );
  await Promise.all([createTable(restored), createTable(live)]);
  // The restore point: 60 items (more than two batches), one of them damaged later in the live table.
  for (let n = 0; n < 60; n++) {
    await client.send(
      new PutCommand({
        TableName: restored,
        Item: { pk: `SECONDMENT#${n}`, sk: 'CURRENT', n, nested: { ok: true } },
      }),
    );
  }
  await client.send(new PutCommand({ TableName: live, Item: { pk: 'SECONDMENT#7', sk: 'CURRENT', n: -1 } }));
  await client.send(
    new PutCommand({ TableName: live, Item: { pk: 'SECONDMENT#new', sk: 'CURRENT', n: 99 } }),
  );
});

afterAll(() => client?.destroy());

describe('npm run copy-table', () => {
  it('changes nothing in a dry run, and lists what exists only in the live table', async () => {
    const result = await copyTable(client, { from: restored, to: live, dryRun: true });
    expect(result).toEqual({ copied: 0, onlyInTarget: ['SECONDMENT#new | CURRENT'] });
    const damaged = await client.send(
      new GetCommand({ TableName: live, Key: { pk: 'SECONDMENT#7', sk: 'CURRENT' } }),
    );
    expect(damaged.Item?.n).toBe(-1);
  });

  it('puts every restored item back as it was, and leaves newer items alone', async () => {
    const lines: string[] = [];
    expect(await main(['--from', restored, '--to', live], (line) => lines.push(line))).toBe(0);
    expect(lines).toContain('copied 60 of 60 items');
    expect(lines).toContain('  SECONDMENT#new | CURRENT');
    const repaired = await client.send(
      new GetCommand({ TableName: live, Key: { pk: 'SECONDMENT#7', sk: 'CURRENT' } }),
    );
    expect(repaired.Item).toEqual({ pk: 'SECONDMENT#7', sk: 'CURRENT', n: 7, nested: { ok: true } });
    const newer = await client.send(
      new GetCommand({ TableName: live, Key: { pk: 'SECONDMENT#new', sk: 'CURRENT' } }),
    );
    expect(newer.Item?.n).toBe(99);
  });

  it('refuses to copy a table onto itself', async () => {
    const lines: string[] = [];
    expect(await main(['--from', live, '--to', live], (line) => lines.push(line))).toBe(2);
    expect(lines.join('\n')).toMatch(/two different tables/);
  });
});

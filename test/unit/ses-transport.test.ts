import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutgoingMail } from '../../functions/notifications/mail-transport.ts';

/**
 * The SES transport through the real SES v2 client, pointed (SES_ENDPOINT) at a local HTTP stand-in
 * of the SES v2 API that records what it receives and answers as SES does.
 */
interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

let server: Server;
const received: Received[] = [];
/** What the stand-in answers next: SES's success, or one of its refusals. */
let answer: { status: number; body: Record<string, unknown>; headers?: Record<string, string> };

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'),
      });
      response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      response.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(process.env, {
    TABLE_NAME: 'unused-table',
    REPORTS_BUCKET: 'unused-bucket',
    AWS_ACCESS_KEY_ID: 'test-key',
    AWS_SECRET_ACCESS_KEY: 'test-secret',
    SES_ENDPOINT: `http://127.0.0.1:${port}`,
    SES_CONFIGURATION_SET: 'ilo-network-test-mail',
  });
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});
beforeEach(() => {
  received.length = 0;
  answer = { status: 200, body: { MessageId: '0100018f-ses-message-id' } };
});

const mail: OutgoingMail = {
  id: 'OUTBOX#2026-12-04#abc:person-1',
  to: 'marie.dupont@example.fr',
  from: 'ILO Network Platform <notifications@ilo.example.eu>',
  subject: 'Nouveau détachement au Maroc',
  text: 'Un détachement a été notifié.\nhttps://ilo.example.eu/secondments/s1',
  html: '<p>Un détachement a été notifié.</p>',
  headers: {
    'List-Unsubscribe': '<https://ilo.example.eu/api/unsubscribe?token=t1>',
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  },
};

describe('the SES transport', () => {
  it('sends one SendEmail request with the configuration set, the sender and the RFC 8058 headers', async () => {
    const { sesTransportFromConfig } = await import('../../functions/notifications/ses-transport.ts');
    const transport = sesTransportFromConfig();
    expect(transport).toBeDefined();

    const sent = await transport?.send(mail);
    expect(sent).toEqual({ providerMessageId: '0100018f-ses-message-id' });

    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v2/email/outbound-emails');
    // Signed with SigV4 for the SES service in the configured region.
    expect(String(request?.headers.authorization)).toMatch(
      /^AWS4-HMAC-SHA256 Credential=test-key\/\d{8}\/eu-west-1\/ses\/aws4_request/,
    );
    expect(request?.body).toEqual({
      FromEmailAddress: mail.from,
      Destination: { ToAddresses: ['marie.dupont@example.fr'] },
      ConfigurationSetName: 'ilo-network-test-mail',
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: {
            Text: { Data: mail.text, Charset: 'UTF-8' },
            Html: { Data: mail.html, Charset: 'UTF-8' },
          },
          Headers: [
            { Name: 'List-Unsubscribe', Value: '<https://ilo.example.eu/api/unsubscribe?token=t1>' },
            { Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' },
          ],
        },
      },
      EmailTags: [{ Name: 'outboxItem', Value: 'OUTBOX_2026-12-04_abc_person-1' }],
    });
  });

  it("rejects when SES refuses the message (the consumer's retry decides), without retrying a refusal", async () => {
    answer = {
      status: 400,
      headers: { 'x-amzn-errortype': 'MessageRejected' },
      body: { message: 'Email address is not verified.' },
    };
    const { sesTransportFromConfig } = await import('../../functions/notifications/ses-transport.ts');
    await expect(sesTransportFromConfig()?.send(mail)).rejects.toMatchObject({
      name: 'MessageRejected',
      message: 'Email address is not verified.',
    });
    expect(received).toHaveLength(1);
  });

  it('retries a throttled request, as the other clients do', async () => {
    let calls = 0;
    const throttledOnce = server.listeners('request')[0] as (...args: unknown[]) => void;
    server.removeAllListeners('request');
    server.on('request', (request: IncomingMessage, response) => {
      calls += 1;
      if (calls === 1) {
        request.resume();
        response.writeHead(429, {
          'content-type': 'application/json',
          'x-amzn-errortype': 'TooManyRequestsException',
        });
        response.end(JSON.stringify({ message: 'Too many requests' }));
        return;
      }
      throttledOnce(request, response);
    });
    try {
      const { sesTransportFromConfig } = await import('../../functions/notifications/ses-transport.ts');
      await expect(sesTransportFromConfig()?.send(mail)).resolves.toEqual({
        providerMessageId: '0100018f-ses-message-id',
      });
      expect(calls).toBe(2);
    } finally {
      server.removeAllListeners('request');
      server.on('request', throttledOnce);
    }
  });

  it('is not the transport when no configuration set is configured', async () => {
    const configured = process.env.SES_CONFIGURATION_SET;
    delete process.env.SES_CONFIGURATION_SET;
    try {
      vi.resetModules();
      const { sesTransportFromConfig } = await import('../../functions/notifications/ses-transport.ts');
      expect(sesTransportFromConfig()).toBeUndefined();
    } finally {
      process.env.SES_CONFIGURATION_SET = configured;
      vi.resetModules();
    }
  });
});

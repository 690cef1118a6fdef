import type { SNSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as sesFeedback } from '../../functions/handlers/ses-feedback.ts';
import { SuppressionRepository } from '../../functions/notifications/suppression-repository.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

/** The sesFeedback job over DynamoDB Local, with SNS -> Lambda events as AWS delivers them. */
let app: TestApp;
let admin: string;

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.login('EC', 'admin');
});
afterAll(async () => {
  await app?.stop();
});

const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:ilo-network-dev-mail-feedback';

/** One SNS notification record carrying an SES event (Records[].Sns.Message is the event's JSON). */
function snsEvent(...sesEvents: object[]): SNSEvent {
  return {
    Records: sesEvents.map((sesEvent, index) => ({
      EventSource: 'aws:sns',
      EventVersion: '1.0',
      EventSubscriptionArn: `${TOPIC}:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55`,
      Sns: {
        Type: 'Notification',
        MessageId: `95df01b4-ee98-5cb9-9903-4c221d41eb5${index}`,
        TopicArn: TOPIC,
        Subject: null as unknown as string,
        Message: JSON.stringify(sesEvent),
        Timestamp: '2026-12-04T10:00:01.000Z',
        SignatureVersion: '1',
        Signature: 'EXAMPLE',
        SigningCertUrl: 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-example.pem',
        UnsubscribeUrl: `https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${TOPIC}:x`,
        MessageAttributes: {},
      },
    })),
  };
}

const mailObject = (to: string) => ({
  timestamp: '2026-12-04T09:59:58.012Z',
  source: 'ILO Network Platform <notifications@ilo.example.eu>',
  sourceArn: 'arn:aws:ses:eu-west-1:123456789012:identity/ilo.example.eu',
  sendingAccountId: '123456789012',
  messageId: 'EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000',
  destination: [to],
  headersTruncated: false,
  tags: { 'ses:configuration-set': ['ilo-network-dev-mail'], outboxItem: ['item-1'] },
});

/** An SES bounce event as event publishing sends it (AWS docs' example, our addresses). */
const bounce = (to: string, bounceType: 'Permanent' | 'Transient' | 'Undetermined') => ({
  eventType: 'Bounce',
  bounce: {
    bounceType,
    bounceSubType: bounceType === 'Permanent' ? 'General' : 'MailboxFull',
    bouncedRecipients: [
      {
        emailAddress: to,
        action: 'failed',
        status: bounceType === 'Permanent' ? '5.1.1' : '4.2.2',
        diagnosticCode:
          bounceType === 'Permanent' ? 'smtp; 550 5.1.1 user unknown' : 'smtp; 452 mailbox full',
      },
    ],
    timestamp: '2026-12-04T10:00:00.669Z',
    feedbackId: '01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000',
    reportingMTA: 'dsn; mta.example.fr',
  },
  mail: mailObject(to),
});

const complaint = (to: string) => ({
  eventType: 'Complaint',
  complaint: {
    feedbackId: '0100015e1ee8a8ca-6cd36a8b-5bd8-4f4e-b3a7-bc2b8dd3ad2b-000000',
    complaintSubType: null,
    complainedRecipients: [{ emailAddress: to }],
    timestamp: '2026-12-04T10:05:00.000Z',
    userAgent: 'Mozilla/5.0',
    complaintFeedbackType: 'abuse',
    arrivalDate: '2026-12-04T10:04:58.000Z',
  },
  mail: mailObject(to),
});

async function invite(name: string, email: string): Promise<string> {
  const created = await app.call('POST', '/api/people', {
    token: admin,
    body: { organisation: 'FR', role: 'reader', name, email, language: 'fr' },
  });
  expect(created.status).toBe(201);
  return created.json.id as string;
}

async function listed(id: string) {
  const list = await app.call('GET', '/api/people?organisation=FR', { token: admin });
  expect(list.status).toBe(200);
  return (list.json.items as { id: string; mailSuppressed?: unknown; version: number }[]).find(
    (p) => p.id === id,
  );
}

describe('the sesFeedback job', () => {
  it('suppresses a permanently bounced address and marks its person in GET /api/people', async () => {
    const id = await invite('Jeanne Martin', 'Jeanne.Martin@example.fr');
    expect((await listed(id))?.mailSuppressed).toBeUndefined();
    expect(await SuppressionRepository.isSuppressed('jeanne.martin@example.fr')).toBe(false);

    const result = await sesFeedback(snsEvent(bounce('jeanne.martin@example.fr', 'Permanent')));
    expect(result).toEqual({ suppressed: 1, ignored: 0 });

    expect(await SuppressionRepository.isSuppressed('Jeanne.Martin@example.fr')).toBe(true);
    const person = await listed(id);
    expect(person?.mailSuppressed).toEqual({ reason: 'bounce', at: '2026-12-04T10:00:00.669Z' });
    // Not a change of the person: its version (and so an edit in progress) stays.
    expect(person?.version).toBe(1);

    // SNS delivers at least once: the same event again changes nothing.
    await sesFeedback(snsEvent(bounce('jeanne.martin@example.fr', 'Permanent')));
    expect(await SuppressionRepository.get('jeanne.martin@example.fr')).toMatchObject({
      reason: 'bounce',
      at: '2026-12-04T10:00:00.669Z',
    });
  });

  it('leaves a transient (or undetermined) bounce alone', async () => {
    const id = await invite('Paul Bernard', 'paul.bernard@example.fr');
    const result = await sesFeedback(
      snsEvent(
        bounce('paul.bernard@example.fr', 'Transient'),
        bounce('paul.bernard@example.fr', 'Undetermined'),
      ),
    );
    expect(result).toEqual({ suppressed: 0, ignored: 2 });
    expect(await SuppressionRepository.isSuppressed('paul.bernard@example.fr')).toBe(false);
    expect((await listed(id))?.mailSuppressed).toBeUndefined();
  });

  it('suppresses a complaint, and an address that is nobody in the directory', async () => {
    const id = await invite('Luc Petit', 'luc.petit@example.fr');
    const result = await sesFeedback(
      snsEvent(complaint('"Luc Petit" <luc.petit@example.fr>'), bounce('gone@example.org', 'Permanent')),
    );
    expect(result).toEqual({ suppressed: 2, ignored: 0 });
    expect((await listed(id))?.mailSuppressed).toEqual({
      reason: 'complaint',
      at: '2026-12-04T10:05:00.000Z',
    });
    expect(await SuppressionRepository.isSuppressed('gone@example.org')).toBe(true);
  });

  it('ignores what is not a bounce or complaint, and a message that is not an SES event', async () => {
    const delivery = { eventType: 'Delivery', mail: mailObject('x@example.fr'), delivery: {} };
    const event = snsEvent(delivery);
    const notJson = snsEvent({});
    const [first] = notJson.Records;
    if (first) first.Sns.Message = 'not json';
    const result = await sesFeedback({ Records: [...event.Records, ...notJson.Records] });
    expect(result).toEqual({ suppressed: 0, ignored: 2 });
    expect(await SuppressionRepository.isSuppressed('x@example.fr')).toBe(false);
  });

  it('drops the mark when the person gets a new address', async () => {
    const id = await invite('Anne Roux', 'anne.roux@example.fr');
    await sesFeedback(snsEvent(bounce('anne.roux@example.fr', 'Permanent')));
    expect((await listed(id))?.mailSuppressed).toMatchObject({ reason: 'bounce' });

    const changed = await app.call('PUT', `/api/people/${id}`, {
      token: admin,
      body: {
        version: 1,
        role: 'reader',
        name: 'Anne Roux',
        language: 'fr',
        email: 'anne.roux@interieur.example.fr',
      },
    });
    expect(changed.status).toBe(200);
    expect(changed.json.mailSuppressed).toBeUndefined();
    expect((await listed(id))?.mailSuppressed).toBeUndefined();
    // The old address stays suppressed.
    expect(await SuppressionRepository.isSuppressed('anne.roux@example.fr')).toBe(true);
  });
});

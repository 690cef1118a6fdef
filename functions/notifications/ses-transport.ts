import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { ses } from '../lib/aws.ts';
import { config } from '../lib/config.ts';
import type { MailTransport, OutgoingMail } from './mail-transport.ts';

/**
 * The mail transport on AWS: Amazon SES, v2 API (`SendEmail`, a simple message with its own headers).
 * Every message names the configuration set, whose event destination carries its bounces and
 * complaints to the sesFeedback job (handlers/ses-feedback.ts), which suppresses the address.
 * The outbox item's id travels as a message tag, so SES's events can be traced back to the item.
 */
export class SesTransport implements MailTransport {
  constructor(
    private readonly configurationSet: string,
    private readonly client: () => SESv2Client = ses,
  ) {}

  async send(mail: OutgoingMail): Promise<{ providerMessageId?: string }> {
    const answer = await this.client().send(
      new SendEmailCommand({
        FromEmailAddress: mail.from,
        Destination: { ToAddresses: [mail.to] },
        ConfigurationSetName: this.configurationSet,
        Content: {
          Simple: {
            Subject: { Data: mail.subject, Charset: 'UTF-8' },
            Body: {
              Text: { Data: mail.text, Charset: 'UTF-8' },
              Html: { Data: mail.html, Charset: 'UTF-8' },
            },
            Headers: Object.entries(mail.headers).map(([Name, Value]) => ({ Name, Value })),
          },
        },
        // Tag values allow letters, digits, `_`, `-`, `.` and `@` only.
        EmailTags: [{ Name: 'outboxItem', Value: mail.id.replace(/[^\w.@-]/g, '_').slice(0, 256) }],
      }),
    );
    return answer.MessageId ? { providerMessageId: answer.MessageId } : {};
  }
}

/**
 * The SES transport when this deployment sends through SES (SES_CONFIGURATION_SET is set, as the
 * stack sets it for the functions that send mail); undefined otherwise (locally: the SMTP one).
 */
export function sesTransportFromConfig(): MailTransport | undefined {
  const { SES_CONFIGURATION_SET } = config();
  return SES_CONFIGURATION_SET ? new SesTransport(SES_CONFIGURATION_SET) : undefined;
}

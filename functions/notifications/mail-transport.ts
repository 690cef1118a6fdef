/**
 * The ports between the notifications feature and whatever carries its e-mail: SMTP locally
 * (nodemailer to the local smtp-server), Amazon SES (v2) on AWS. The consumer renders a message,
 * asks the suppression list, then hands the message to the transport; neither port knows the other.
 */

/** One rendered message for one recipient. */
export interface OutgoingMail {
  /** Stable per outbox item: a redelivered item carries the same id (the transport may dedupe on it). */
  id: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, for example List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  headers: Record<string, string>;
}

export interface MailTransport {
  /** Sends one message; rejects when the carrier refused it (the caller retries or gives up). */
  send(mail: OutgoingMail): Promise<{ providerMessageId?: string }>;
}

/** Addresses that bounced or complained: never written to again. */
export interface SuppressionList {
  isSuppressed(email: string): Promise<boolean>;
}

import * as z from 'zod';
import { PersonRepository } from '../people/person-repository.ts';
import { type SuppressionReason, SuppressionRepository } from './suppression-repository.ts';

/**
 * What SES tells about sent mail, through the configuration set's event destination (an SNS topic):
 * a permanent bounce or a complaint puts each address concerned on the suppression list and marks
 * the person of the directory who has it, so that a coordinator sees why a colleague gets no mail.
 * Transient and undetermined bounces (a full mailbox, a server down) change nothing: SES itself
 * retried, and the next message may get through.
 *
 * The SES event record (event publishing names its type `eventType`; identity notifications
 * `notificationType`); SES may add fields, so everything else is let through.
 */
const recipients = z.array(z.looseObject({ emailAddress: z.string().min(3).max(320) }));
const sesEventSchema = z.looseObject({
  eventType: z.string().optional(),
  notificationType: z.string().optional(),
  bounce: z
    .looseObject({
      bounceType: z.string(),
      bouncedRecipients: recipients,
      timestamp: z.string().optional(),
    })
    .optional(),
  complaint: z
    .looseObject({
      complainedRecipients: recipients,
      timestamp: z.string().optional(),
    })
    .optional(),
});

export interface FeedbackOutcome {
  suppressed: { email: string; reason: SuppressionReason; personMarked: boolean }[];
  /** Events that change nothing (transient bounces, deliveries) or that could not be read. */
  ignored: { reason: string }[];
}

/** An RFC 5322 address as SES reports it may carry a display name: `"Name" <a@b>`. */
function bareAddress(reported: string): string {
  const angled = /<([^<>]+)>\s*$/.exec(reported);
  return (angled?.[1] ?? reported).trim().toLowerCase();
}

function isoOr(timestamp: string | undefined, fallback: string): string {
  const parsed = timestamp ? Date.parse(timestamp) : Number.NaN;
  return Number.isNaN(parsed) ? fallback : new Date(parsed).toISOString();
}

/** What to suppress for one SES event record (the SNS message's body), and why. */
export function suppressionsOf(
  message: string,
  receivedAt: string,
): { emails: string[]; reason: SuppressionReason; at: string } | { ignored: string } {
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch {
    return { ignored: 'not JSON' };
  }
  const parsed = sesEventSchema.safeParse(json);
  if (!parsed.success) return { ignored: 'not an SES event' };
  const event = parsed.data;
  const type = event.eventType ?? event.notificationType;
  if (type === 'Bounce' && event.bounce) {
    if (event.bounce.bounceType !== 'Permanent') return { ignored: `${event.bounce.bounceType} bounce` };
    return {
      emails: event.bounce.bouncedRecipients.map((r) => bareAddress(r.emailAddress)),
      reason: 'bounce',
      at: isoOr(event.bounce.timestamp, receivedAt),
    };
  }
  if (type === 'Complaint' && event.complaint) {
    return {
      emails: event.complaint.complainedRecipients.map((r) => bareAddress(r.emailAddress)),
      reason: 'complaint',
      at: isoOr(event.complaint.timestamp, receivedAt),
    };
  }
  return { ignored: `${type ?? 'untyped'} event` };
}

/**
 * Applies SES events: each address on the suppression list, then the person who holds it marked.
 * Idempotent, so SNS's redeliveries are harmless. A store failure rejects (the invocation is retried).
 */
export async function applySesFeedback(
  messages: readonly { message: string; receivedAt: string }[],
): Promise<FeedbackOutcome> {
  const outcome: FeedbackOutcome = { suppressed: [], ignored: [] };
  for (const { message, receivedAt } of messages) {
    const found = suppressionsOf(message, receivedAt);
    if ('ignored' in found) {
      outcome.ignored.push({ reason: found.ignored });
      continue;
    }
    for (const email of new Set(found.emails)) {
      const entry = await SuppressionRepository.suppress(email, found.reason, found.at);
      const person = await PersonRepository.findByEmail(email);
      const personMarked = person
        ? await PersonRepository.markMailSuppressed(person.id, person.email, {
            reason: entry.reason,
            at: entry.at,
          })
        : false;
      outcome.suppressed.push({ email, reason: entry.reason, personMarked });
    }
  }
  return outcome;
}

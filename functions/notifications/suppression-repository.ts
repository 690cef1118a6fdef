import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../lib/aws.ts';
import type { SuppressionList } from './mail-transport.ts';

/**
 * The addresses no message goes to any more (docs/data-model.md, patterns 41–42): pk
 * `SUPPRESSION#<lowercased e-mail>`, sk `SUPPRESSION`, with `reason` (bounce or complaint), `at` (the
 * first time) and `lastAt` (the latest event). Written by the sesFeedback job from SES's permanent
 * bounces and complaints, read by the consumer before each message. Kept until an operator removes it.
 */
export type SuppressionReason = 'bounce' | 'complaint';

export interface Suppression {
  email: string;
  reason: SuppressionReason;
  at: string;
  lastAt: string;
}

const suppressionKey = (email: string) => ({
  pk: `SUPPRESSION#${email.trim().toLowerCase()}`,
  sk: 'SUPPRESSION',
});

export const SuppressionRepository = {
  async get(email: string): Promise<Suppression | undefined> {
    const { Item } = await dynamo().send(
      new GetCommand({ TableName: tableName(), Key: suppressionKey(email), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    return { email: Item.email, reason: Item.reason, at: Item.at, lastAt: Item.lastAt };
  },

  async isSuppressed(email: string): Promise<boolean> {
    return (await SuppressionRepository.get(email)) !== undefined;
  },

  /**
   * Puts an address on the list; idempotent (SNS delivers at least once, and an address may bounce
   * again): the first reason and time stay, `lastAt` follows the latest. Answers the entry as stored.
   */
  async suppress(email: string, reason: SuppressionReason, at: string): Promise<Suppression> {
    const normalised = email.trim().toLowerCase();
    const { Attributes } = await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: suppressionKey(normalised),
        UpdateExpression:
          'SET entityType = :type, email = :email, reason = if_not_exists(reason, :reason), ' +
          '#at = if_not_exists(#at, :at), lastAt = :at',
        ExpressionAttributeNames: { '#at': 'at' },
        ExpressionAttributeValues: {
          ':type': 'MailSuppression',
          ':email': normalised,
          ':reason': reason,
          ':at': at,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return {
      email: normalised,
      reason: Attributes?.reason ?? reason,
      at: Attributes?.at ?? at,
      lastAt: Attributes?.lastAt ?? at,
    };
  },
};

/** The port the consumer asks before each message. */
export const suppressionList: SuppressionList = SuppressionRepository;

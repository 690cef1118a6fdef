import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { NotificationPreferences, PersonLanguage } from '#shared/preferences.ts';
import type { OrganisationCode, Role } from '#shared/reference/organisations.ts';
import { dynamo, tableName } from '../lib/aws.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import type { StoredItem } from '../lib/query.ts';
import { type TransactItem, versionCondition } from '../lib/transactions.ts';

/**
 * The people directory (docs/data-model.md, patterns 35–39):
 *
 * - person: pk `PERSON#<id>`, sk `CURRENT`; gsi2 `PEOPLE#<org>` / `<lowercased name>#<id>` (the
 *   people of an organisation, by name);
 * - e-mail: pk `EMAIL#<lowercased e-mail>`, sk `EMAIL`, `personId`: created with
 *   `attribute_not_exists` in the person's own transaction, so two people never share an address;
 * - organisation aggregate: pk `ORGANISATION#<org>`, sk `PEOPLE`, `activeCoordinators`: changed in the
 *   same transaction as the person, with a condition, so a state never loses its last coordinator.
 */
export interface PersonRecord {
  id: string;
  organisation: OrganisationCode;
  role: Role;
  name: string;
  email: string;
  language: PersonLanguage;
  status: 'active' | 'disabled';
  notifications: NotificationPreferences;
  lastSignInAt?: string;
  /** Set when the person's address bounced for good or complained (the suppression list, pattern 41). */
  mailSuppressed?: MailSuppression;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Why no more e-mail goes to a person's address, and since when. */
export interface MailSuppression {
  reason: 'bounce' | 'complaint';
  at: string;
}

const personKey = (id: string) => ({ pk: `PERSON#${id}`, sk: 'CURRENT' });
const emailKey = (email: string) => ({ pk: `EMAIL#${email.toLowerCase()}`, sk: 'EMAIL' });
const aggregateKey = (organisation: string) => ({ pk: `ORGANISATION#${organisation}`, sk: 'PEOPLE' });

/** The stored person without its keys (StoredItem's values are the document client's, untyped). */
function toPerson(item: StoredItem): PersonRecord {
  const { id, organisation, role, name, email, language, status, notifications, lastSignInAt } = item;
  const { mailSuppressed, version, createdAt, updatedAt } = item;
  return {
    id,
    organisation,
    role,
    name,
    email,
    language,
    status,
    notifications,
    ...(lastSignInAt === undefined ? {} : { lastSignInAt }),
    ...(mailSuppressed === undefined ? {} : { mailSuppressed }),
    version,
    createdAt,
    updatedAt,
  };
}

export const PersonRepository = {
  /** One person by id (the identity's subject): the request chain's check of every caller. */
  async get(id: string): Promise<PersonRecord | undefined> {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: personKey(id) }));
    return Item ? toPerson(Item) : undefined;
  },

  /** The person holding an e-mail address (any case), through its e-mail item. */
  async findByEmail(email: string): Promise<PersonRecord | undefined> {
    const { Item } = await dynamo().send(
      new GetCommand({ TableName: tableName(), Key: emailKey(email), ConsistentRead: true }),
    );
    return typeof Item?.personId === 'string' ? this.get(Item.personId) : undefined;
  },

  async listByOrganisation(organisation: string, limit: number, cursor: string | undefined) {
    const gsi2pk = `PEOPLE#${organisation}`;
    const page = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': gsi2pk },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, {
          pk: { prefix: 'PERSON#' },
          sk: 'CURRENT',
          gsi2pk,
          gsi2sk: 'any',
        }),
      }),
    );
    return { items: (page.Items ?? []).map(toPerson), nextCursor: encodeCursor(page.LastEvaluatedKey) };
  },

  /** How many active coordinators an organisation has (0 when it has none yet). */
  async activeCoordinators(organisation: string): Promise<number> {
    const { Item } = await dynamo().send(
      new GetCommand({ TableName: tableName(), Key: aggregateKey(organisation) }),
    );
    return typeof Item?.activeCoordinators === 'number' ? Item.activeCoordinators : 0;
  },

  /** A sign-in: not a change of the person (no new version, no audit), so no edit in progress goes stale. */
  async recordSignIn(id: string, at: string): Promise<void> {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: personKey(id),
        UpdateExpression: 'SET lastSignInAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': at },
      }),
    );
  },

  /**
   * Marks the person whose address this still is as no longer reachable by e-mail (a bounce or a
   * complaint): like a sign-in, not a change of the person (no new version), so no edit goes stale.
   * Answers whether a person was marked.
   */
  async markMailSuppressed(id: string, email: string, suppression: MailSuppression): Promise<boolean> {
    try {
      await dynamo().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: personKey(id),
          UpdateExpression: 'SET mailSuppressed = :suppression',
          ConditionExpression: 'attribute_exists(pk) AND email = :email',
          ExpressionAttributeValues: { ':suppression': suppression, ':email': email },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  },

  put(record: PersonRecord, expectedVersion: number | undefined): TransactItem {
    return {
      Put: {
        TableName: tableName(),
        Item: {
          ...personKey(record.id),
          entityType: 'Person',
          ...record,
          gsi2pk: `PEOPLE#${record.organisation}`,
          gsi2sk: `${record.name.toLowerCase()}#${record.id}`,
        },
        ...versionCondition(expectedVersion),
      },
    };
  },

  /** Takes an e-mail address for a person; fails (a condition) when another person has it. */
  claimEmail(email: string, personId: string): TransactItem {
    return {
      Put: {
        TableName: tableName(),
        Item: { ...emailKey(email), entityType: 'PersonEmail', personId },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  },

  /** Frees a person's former address, if it is still that person's. */
  releaseEmail(email: string, personId: string): TransactItem {
    return {
      Delete: {
        TableName: tableName(),
        Key: emailKey(email),
        ConditionExpression: 'personId = :id',
        ExpressionAttributeValues: { ':id': personId },
      },
    };
  },

  /**
   * One more or one fewer active coordinator. One fewer is conditional on another remaining: of two
   * concurrent changes that would each leave one, the second fails.
   */
  changeActiveCoordinators(organisation: string, delta: 1 | -1): TransactItem {
    return {
      Update: {
        TableName: tableName(),
        Key: aggregateKey(organisation),
        UpdateExpression: 'SET entityType = :type ADD activeCoordinators :delta',
        ExpressionAttributeValues: {
          ':type': 'OrganisationPeople',
          ':delta': delta,
          ...(delta < 0 ? { ':one': 1 } : {}),
        },
        ...(delta < 0 ? { ConditionExpression: 'activeCoordinators > :one' } : {}),
      },
    };
  },
};

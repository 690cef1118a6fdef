import { z } from 'zod';
import { contributionValuesSchema } from '#shared/contributions.ts';
import { activitySchemas, arrangementSchema, regionInputSchema } from '#shared/networks.ts';
import { createPersonSchema, preferencesSchema } from '#shared/people.ts';
import { isParticipatingState } from '#shared/reference/states.ts';
import { reportTemplate } from '#shared/report-templates.ts';
import { assessmentSchema } from '#shared/reports.ts';
import { createSecondmentSchema, officerSchema } from '#shared/secondments.ts';

type Item = Record<string, unknown>;

const secondmentFieldNames = [
  'hostCountry',
  'post',
  'authority',
  'startDate',
  'endDate',
  'tasks',
  'taskDescription',
  'regionalCoverage',
  'languages',
] as const;

/** A stored secondment's editable fields must pass the same schema as the request that wrote them. */
function secondmentProblems(record: Item) {
  const fields = Object.fromEntries(
    secondmentFieldNames.filter((name) => record[name] !== undefined).map((name) => [name, record[name]]),
  );
  // The officer lives apart (its own item); a stand-in lets the rest be checked by the input schema.
  return createSecondmentSchema.safeParse({ ...fields, officer: { name: 'stand-in' } });
}

const stateCode = z.string().refine(isParticipatingState);

function contributionValues(item: Item) {
  const template = reportTemplate(Number(item.templateVersion));
  return template
    ? contributionValuesSchema(template, 'draft').safeParse(item.values)
    : { success: false, error: `no template ${item.templateVersion}` };
}

/** Checks each stored entity with the schema of the input that writes it. */
const validators: Record<string, (item: Item) => { success: boolean; error?: unknown }> = {
  Secondment: (item) => secondmentProblems(item),
  SecondmentVersion: (item) => secondmentProblems(item.secondment as Item),
  Officer: (item) =>
    item.erasedAt
      ? z.object({ erasedAt: z.string() }).safeParse(item)
      : officerSchema.safeParse({ name: item.name, email: item.email, phone: item.phone }),
  Activity: (item) => {
    const schema = activitySchemas[item.kind as keyof typeof activitySchemas];
    return schema ? schema.safeParse(item.fields) : { success: false, error: `unknown kind ${item.kind}` };
  },
  Arrangement: (item) =>
    arrangementSchema.safeParse({
      kind: item.kind,
      parties: item.parties,
      hostCountries: item.hostCountries,
      scope: item.scope,
      validFrom: item.validFrom,
      ...(item.validTo ? { validTo: item.validTo } : {}),
    }),
  Region: (item) =>
    regionInputSchema.safeParse({
      name: item.name,
      hostCountries: item.hostCountries,
      version: item.version,
    }),
  // The values are an item of their own (ContributionValues); an item written before may still hold them.
  Contribution: (item) => (item.values === undefined ? { success: true } : contributionValues(item)),
  ContributionValues: (item) => contributionValues(item),
  DraftingDesignation: (item) =>
    z
      .object({
        actingState: stateCode.optional(),
        reassignedTo: stateCode.optional(),
        version: z.number().int(),
      })
      .safeParse(item),
  Person: (item) =>
    createPersonSchema.safeParse({
      organisation: item.organisation,
      role: item.role,
      name: item.name,
      email: item.email,
      language: item.language,
    }).success &&
    preferencesSchema.safeParse({
      version: item.version,
      language: item.language,
      notifications: item.notifications,
    }).success
      ? { success: true }
      : { success: false, error: `person ${item.id} holds what its input schemas refuse` },
  Report: (item) =>
    item.assessment === undefined
      ? { success: true }
      : assessmentSchema.safeParse({ assessment: item.assessment, revision: item.revision }),
};

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Acceptable text: no lone surrogate (it cannot be encoded as UTF-8) and no control character but tab
 * and line breaks (they make the DOCX report invalid XML). Written out here, not taken from the product.
 */
const isAcceptableText = (text: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused.
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(
    text,
  );

/** Keys that reach for a prototype, odd prototypes, and text that is not well-formed Unicode. */
function shapeProblems(value: unknown, path: string, problems: string[]) {
  if (typeof value === 'string') {
    if (!isAcceptableText(value)) problems.push(`${path}: text with a lone surrogate or a control character`);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== Array.prototype && prototype !== null) {
    // Sets of strings and binary values are the document client's own types.
    if (!(value instanceof Set) && !(value instanceof Uint8Array)) problems.push(`${path}: an odd prototype`);
  }
  for (const key of Object.getOwnPropertyNames(value)) {
    if (Array.isArray(value) && key === 'length') continue;
    if (forbiddenKeys.has(key)) problems.push(`${path}: a "${key}" key`);
    if (!isAcceptableText(key)) problems.push(`${path}: a key with a lone surrogate or a control character`);
    shapeProblems((value as Record<string, unknown>)[key], `${path}.${key}`, problems);
  }
}

/** Every stored item that an input schema would refuse, or that carries a prototype-reaching key. */
export function storedItemProblems(items: readonly Item[]): string[] {
  const problems: string[] = [];
  for (const item of items) {
    const where = `${item.entityType} ${item.pk}/${item.sk}`;
    shapeProblems(item, where, problems);
    const validate = validators[String(item.entityType)];
    const result = validate?.(item);
    if (result && !result.success) problems.push(`${where}: ${JSON.stringify(result.error).slice(0, 300)}`);
  }
  return problems;
}

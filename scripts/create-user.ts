// `npm run create-user -- --env prod --email anne.martin@interieur.gouv.fr --organisation FR --role editor --name "Anne Martin"`
//
// Creates a person's account in the environment's user pool, with the organisation and role the API
// reads from the ID token (custom:organisation, custom:role), and the person's entry in the people
// directory (the environment's table), through the same people service as `POST /api/people`.
// Cognito e-mails them a temporary password; at the first sign-in they choose their own and set up
// an authenticator app. Operators create the first Commission administrator this way; everyone else
// is invited in the product.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { AppError } from '#functions/lib/errors.ts';
import { createPerson, OPERATOR } from '#functions/people/people-service.ts';
import { organisationCodeSchema, roleSchema } from '#shared/api/schemas.ts';
import { isValidMembership, organisationName, rolesFor } from '#shared/reference/organisations.ts';
import { tableNameFor } from '../infra/physical-names.ts';

const USAGE =
  'Usage: npm run create-user -- --env <env> --email <address> --organisation <code> --role <role> [--name "<full name>"] [--user-pool-id <id>] [--region <region>] [--table <name>]';

export const newUserSchema = z
  .object({
    email: z.email('must be an e-mail address'),
    organisation: organisationCodeSchema,
    role: roleSchema,
    name: z.string().trim().min(1).max(100).optional(),
  })
  .refine((user) => isValidMembership(user.organisation, user.role), {
    path: ['role'],
    message:
      'this organisation has no such role (editor, coordinator and reader are for states; admin for EC)',
  });
export type NewUser = z.infer<typeof newUserSchema>;

/**
 * Points the people service at the environment: its user pool (so the service's identity provider
 * is Cognito) and its table. The reports bucket is required by the shared configuration but never
 * touched here.
 */
function configureFor(environment: { userPoolId: string; region: string; table: string }) {
  Object.assign(process.env, {
    USER_POOL_ID: environment.userPoolId,
    AWS_REGION: environment.region,
    TABLE_NAME: environment.table,
  });
  process.env.REPORTS_BUCKET ??= 'not-used-by-create-user';
}

/** The user pool of an environment, from the outputs `npm run deploy` writes to cdk-outputs.json. */
export function userPoolIdFromOutputs(outputsFile: string, envName: string): string {
  let outputs: Record<string, Record<string, string>>;
  try {
    outputs = JSON.parse(readFileSync(outputsFile, 'utf8'));
  } catch {
    throw new CliError(
      `No ${outputsFile} to read the user pool from: deploy with npm run deploy (it writes the file), or pass --user-pool-id.`,
    );
  }
  const id = outputs[`IloNetwork-${envName}-Stateful`]?.UserPoolId;
  if (!id)
    throw new CliError(`${outputsFile} has no user pool for environment "${envName}": pass --user-pool-id.`);
  return id;
}

export class CliError extends Error {
  override readonly name = 'CliError';
}

/** The command line; returns the exit code (0 created, 1 failed, 2 wrong usage). */
export async function main(argv: string[], log: (line: string) => void = console.log): Promise<number> {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        env: { type: 'string' },
        email: { type: 'string' },
        organisation: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        'user-pool-id': { type: 'string' },
        region: { type: 'string' },
        table: { type: 'string' },
        outputs: { type: 'string', default: 'cdk-outputs.json' },
      },
      strict: true,
    });
    if (!values.env && !values['user-pool-id']) throw new CliError('Give --env (or --user-pool-id).');
    const parsed = newUserSchema.safeParse({
      email: values.email,
      organisation: values.organisation?.toUpperCase(),
      role: values.role?.toLowerCase(),
      name: values.name,
    });
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`);
      const organisation = organisationCodeSchema.safeParse(values.organisation?.toUpperCase());
      if (organisation.success) {
        problems.push(`Roles for ${organisation.data}: ${rolesFor(organisation.data).join(', ')}.`);
      }
      throw new CliError(problems.join('\n'));
    }
    const userPoolId = values['user-pool-id'] ?? userPoolIdFromOutputs(values.outputs, values.env ?? '');
    const region = values.region ?? userPoolId.split('_')[0] ?? 'eu-west-1';
    const table =
      values.table ?? process.env.TABLE_NAME ?? (values.env ? tableNameFor({ name: values.env }) : '');
    if (!table) throw new CliError('Give --env (or --table) to name the table of the people directory.');
    configureFor({ userPoolId, region, table });
    const { email, organisation, role } = parsed.data;
    try {
      await createPerson(
        OPERATOR,
        // The directory needs a name; the operator may give it later in the product.
        { email, organisation, role, name: parsed.data.name ?? email.split('@')[0] ?? email, language: 'en' },
        new Date(),
      );
      log(
        `Created ${email}: ${role} for ${organisationName(organisation)} in ${userPoolId}. ` +
          'An invitation with a temporary password is on its way to that address.',
      );
      return 0;
    } catch (error) {
      if (error instanceof AppError && error.code === 'email_in_use') {
        log(`${email} already has an account in ${userPoolId}: nothing was changed.`);
        return 1;
      }
      log(`Refused: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  } catch (error) {
    if (error instanceof CliError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      log(`${(error as Error).message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}

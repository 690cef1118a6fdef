// `npm run create-user -- --env prod --email anne.martin@interieur.gouv.fr --organisation FR --role editor --name "Anne Martin"`
//
// Creates a person's account in the environment's user pool, with the organisation and role the API
// reads from the ID token (custom:organisation, custom:role). Cognito e-mails them a temporary
// password; at the first sign-in they choose their own and set up an authenticator app.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { z } from 'zod';
import { organisationCodeSchema, roleSchema } from '#shared/api/schemas.ts';
import { NAME_CLAIM, ORGANISATION_CLAIM, ROLE_CLAIM } from '#shared/auth.ts';
import { isValidMembership, organisationName, rolesFor } from '#shared/reference/organisations.ts';

const USAGE =
  'Usage: npm run create-user -- --env <env> --email <address> --organisation <code> --role <role> [--name "<full name>"] [--user-pool-id <id>] [--region <region>]';

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

/** Creates the account; Cognito sends the invitation e-mail with the temporary password. */
export async function createUser(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  user: NewUser,
): Promise<{ username: string }> {
  const answer = await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: user.email,
      DesiredDeliveryMediums: ['EMAIL'],
      UserAttributes: [
        { Name: 'email', Value: user.email },
        // The administrator vouches for the address; the invitation reaching it proves it again.
        { Name: 'email_verified', Value: 'true' },
        { Name: ORGANISATION_CLAIM, Value: user.organisation },
        { Name: ROLE_CLAIM, Value: user.role },
        ...(user.name ? [{ Name: NAME_CLAIM, Value: user.name }] : []),
      ],
    }),
  );
  return { username: answer.User?.Username ?? user.email };
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
    const region = values.region ?? userPoolId.split('_')[0];
    const cognito = new CognitoIdentityProviderClient({
      region,
      // Tests point this at a stand-in of the Cognito API.
      ...(process.env.COGNITO_ENDPOINT ? { endpoint: process.env.COGNITO_ENDPOINT } : {}),
    });
    try {
      const { username } = await createUser(cognito, userPoolId, parsed.data);
      log(
        `Created ${username}: ${parsed.data.role} for ${organisationName(parsed.data.organisation)} in ${userPoolId}. ` +
          'An invitation with a temporary password is on its way to that address.',
      );
      return 0;
    } catch (error) {
      if (error instanceof UsernameExistsException) {
        log(`${parsed.data.email} already has an account in ${userPoolId}: nothing was changed.`);
        return 1;
      }
      log(`Cognito refused: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    } finally {
      cognito.destroy();
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

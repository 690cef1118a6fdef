import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Resolver } from 'react-hook-form';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type DevLoginRequest, devLoginRequestSchema } from '#shared/api/schemas.ts';
import { institutionCodes, isOrganisation, type Role, rolesFor } from '#shared/reference/organisations.ts';
import { stateCodes } from '#shared/reference/states.ts';
import { ChoiceGroup } from '../../../components/form/ChoiceGroup.tsx';
import { FormErrorSummary, type FormProblem } from '../../../components/form/FormErrorSummary.tsx';
import { InputField, SelectField } from '../../../components/form/FormField.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { countryName, nameCollator, useOrganisationName } from '../../../lib/display-names.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
import { saveSession } from '../../../lib/session.ts';
import type { DevSignInMethod } from '../api/sign-in-method.ts';

/** The form's values before validation: '' is the placeholder option, "nothing chosen yet". */
interface SignInFields {
  /** As an organisation's demo person for a role, or as a person of the directory by e-mail. */
  how?: 'organisation' | 'email';
  organisation?: string;
  role?: Role | '';
  name?: string | undefined;
  email?: string;
}

const fieldIds = {
  organisation: 'sign-in-organisation',
  role: 'sign-in-role',
  name: 'sign-in-name',
  email: 'sign-in-email',
} as const;

const schemaResolver = zodResolver<SignInFields, unknown, DevLoginRequest>(devLoginRequestSchema);

/** The schema reads only the fields of the way chosen: an e-mail, or an organisation, a role and a name. */
const signInResolver: Resolver<SignInFields, unknown, DevLoginRequest> = (values, context, options) => {
  const { how, email, organisation, role, name } = values;
  const request: SignInFields =
    how === 'email' ? { email: email?.trim() ?? '' } : { organisation, role, name };
  return schemaResolver(request, context, options);
};

function isSignInField(path: string): path is keyof typeof fieldIds {
  return Object.hasOwn(fieldIds, path);
}

function allowedRoles(organisation: string): readonly Role[] {
  return isOrganisation(organisation) ? rolesFor(organisation) : [];
}

/**
 * The local runtime's sign-in: organisation and role (only the roles that organisation can hold), or
 * the e-mail address of a person of the directory, validated in the browser by the very schema
 * `POST /api/dev/login` validates with on the server.
 */
export function DevSignInForm({ method }: { method: DevSignInMethod }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const describeError = useErrorMessage();
  const organisationName = useOrganisationName();
  const [failure, setFailure] = useState<{ attempt: number; problems: FormProblem[] } | null>(null);

  const {
    register,
    handleSubmit,
    control,
    getValues,
    setValue,
    setError,
    formState: { errors, isSubmitting, isSubmitted },
  } = useForm<SignInFields, unknown, DevLoginRequest>({
    // The schema reads the form's looser values (a '' role included) and yields a request or errors.
    resolver: signInResolver,
    defaultValues: { how: 'organisation', organisation: '', role: '', email: '' },
  });
  const organisation = useWatch({ control, name: 'organisation' });
  const how = useWatch({ control, name: 'how' });
  const roleOptions = allowedRoles(organisation ?? '');

  const statesByName = useMemo(() => {
    const collator = nameCollator(i18n.language);
    return stateCodes
      .map((code) => ({ code, name: countryName(code, i18n.language) }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [i18n.language]);

  // A role the new organisation cannot hold is dropped; when it can hold one role only, that one is chosen.
  const fitRoleToOrganisation = (nextOrganisation: string) => {
    const roles = allowedRoles(nextOrganisation);
    const role = getValues('role');
    if (role && roles.includes(role)) return;
    setValue('role', roles.length === 1 ? (roles[0] ?? '') : '', { shouldValidate: isSubmitted });
  };

  // Client-side messages are translated; messages the server sent (type 'server') are shown as they are.
  const fieldError = (field: keyof typeof fieldIds): string | undefined => {
    const error = errors[field];
    if (!error) return undefined;
    return error.type === 'server' ? error.message : t(`signIn.errors.${field}`);
  };

  const signIn = async (request: DevLoginRequest) => {
    setFailure(null);
    try {
      const session = await method.signIn(request);
      queryClient.clear();
      // The sign-in page sees the session and goes on to the page that was asked for.
      saveSession(session);
    } catch (error) {
      const problems: FormProblem[] = [{ text: describeError(error) }];
      const fields = error instanceof ApiError ? error.fields : {};
      for (const [path, message] of Object.entries(fields)) {
        if (isSignInField(path)) {
          // setError marks the field only: what the person chose stays as it was.
          setError(path, { type: 'server', message });
          problems.push({ text: message, fieldId: fieldIds[path] });
        } else {
          problems.push({ text: `${path}: ${message}` });
        }
      }
      setFailure({ attempt: Date.now(), problems });
    }
  };

  return (
    <form className="form" noValidate onSubmit={handleSubmit(signIn)}>
      <p>{t('signIn.intro')}</p>
      {failure && (
        <FormErrorSummary key={failure.attempt} title={t('signIn.failed')} problems={failure.problems} />
      )}

      <ChoiceGroup
        id="sign-in-how"
        type="radio"
        legend={t('signIn.howLegend')}
        choices={[
          { value: 'organisation', label: t('signIn.howOrganisation') },
          { value: 'email', label: t('signIn.howEmail') },
        ]}
        registration={register('how')}
      />

      {how === 'email' ? (
        <InputField
          id={fieldIds.email}
          type="email"
          label={t('signIn.email')}
          hint={t('signIn.emailHint')}
          autoComplete="email"
          error={fieldError('email')}
          registration={register('email')}
        />
      ) : (
        <>
          <SelectField
            id={fieldIds.organisation}
            label={t('signIn.organisation')}
            hint={t('signIn.organisationHint')}
            error={fieldError('organisation')}
            registration={register('organisation', {
              onChange: (event) => fitRoleToOrganisation(event.target.value),
            })}
          >
            <option value="">{t('signIn.organisationPlaceholder')}</option>
            <optgroup label={t('signIn.statesGroup')}>
              {statesByName.map(({ code, name }) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('signIn.institutionsGroup')}>
              {institutionCodes.map((code) => (
                <option key={code} value={code}>
                  {organisationName(code)}
                </option>
              ))}
            </optgroup>
          </SelectField>

          <SelectField
            id={fieldIds.role}
            label={t('signIn.role')}
            hint={t('signIn.roleHint')}
            error={fieldError('role')}
            registration={register('role')}
          >
            <option value="">
              {roleOptions.length === 0 ? t('signIn.roleNeedsOrganisation') : t('signIn.rolePlaceholder')}
            </option>
            {roleOptions.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </SelectField>

          <InputField
            id={fieldIds.name}
            label={t('signIn.name')}
            hint={t('signIn.nameHint')}
            optional
            autoComplete="name"
            error={fieldError('name')}
            // An empty box means "no name", which the schema expresses as an absent property.
            registration={register('name', {
              setValueAs: (value: string) => (value.trim() === '' ? undefined : value),
            })}
          />
        </>
      )}

      <button className="button" type="submit" disabled={isSubmitting}>
        {isSubmitting ? t('signIn.submitting') : t('signIn.submit')}
      </button>
    </form>
  );
}

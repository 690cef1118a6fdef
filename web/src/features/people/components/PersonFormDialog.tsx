import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { createPersonSchema, updatePersonSchema } from '#shared/people.ts';
import type { PersonLanguage } from '#shared/preferences.ts';
import { FormErrorSummary, type FormProblem } from '../../../components/form/FormErrorSummary.tsx';
import { InputField, SelectField } from '../../../components/form/FormField.tsx';
import { StaleVersionNotice } from '../../../components/form/VersionConflict.tsx';
import { Dialog } from '../../../components/ui/Dialog.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useOrganisationName } from '../../../lib/display-names.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
import { focusFirstControl } from '../../../lib/focus.ts';
import { type Person, useInvitePerson, useUpdatePerson } from '../api/people.ts';
import { assignableRoles, useOrganisationOptions } from '../utils/organisations.ts';
import { LanguageOptions } from './LanguageOptions.tsx';

interface PersonFields {
  organisation: string;
  role: string;
  name: string;
  email: string;
  language: PersonLanguage;
}
type Field = keyof PersonFields;
const fields: readonly Field[] = ['organisation', 'role', 'name', 'email', 'language'];
const isField = (path: string): path is Field => (fields as readonly string[]).includes(path);

interface PersonFormDialogProps {
  open: boolean;
  /** The person to change; an invitation when absent. */
  person: Person | undefined;
  /** The organisation the page shows: an invitation is for it unless the caller picks another. */
  organisation: string;
  /** The EC admin names the organisation of an invitation; a coordinator invites for its own state. */
  chooseOrganisation: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}

function fieldsOf(person: Person | undefined, organisation: string): PersonFields {
  return {
    organisation: person?.organisation ?? organisation,
    role: person?.role ?? '',
    name: person?.name ?? '',
    email: person?.email ?? '',
    language: person?.language ?? 'en',
  };
}

/** Invite a person, or change one's role, name and language, in a dialog over the list. */
export function PersonFormDialog({ open, person, onClose, ...form }: PersonFormDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      title={person ? t('people.edit.title', { name: person.name }) : t('people.invite.title')}
      onClose={onClose}
    >
      {/* A new form for each opening: what the last one held does not come back. */}
      <PersonForm key={person?.id ?? 'invite'} person={person} onCancel={onClose} {...form} />
    </Dialog>
  );
}

function PersonForm({
  person,
  organisation: shownOrganisation,
  chooseOrganisation,
  onCancel,
  onDone,
}: Omit<PersonFormDialogProps, 'open' | 'onClose'> & { onCancel: () => void }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const organisationName = useOrganisationName();
  const organisationOptions = useOrganisationOptions();
  const invite = useInvitePerson();
  const update = useUpdatePerson();
  const idPrefix = useId();
  const controlId = (field: Field) => `${idPrefix}-${field}`;
  const [failure, setFailure] = useState<{ attempt: number; problems: FormProblem[] } | null>(null);
  const [stale, setStale] = useState(false);
  // The person as this form read them: its version is the lock a change is sent with.
  const [base, setBase] = useState(person);
  const {
    register,
    handleSubmit,
    control,
    setError,
    clearErrors,
    getValues,
    setValue,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<PersonFields>({ defaultValues: fieldsOf(person, shownOrganisation) });
  const organisation = useWatch({ control, name: 'organisation' });
  const roles = assignableRoles(organisation);

  // The form's own checks are said in the UI language; the server's messages as they come.
  const message = (field: Field): string | undefined => {
    const error = errors[field];
    if (!error) return undefined;
    if (error.type === 'server' && error.message) return error.message;
    if (error.type === 'email_in_use') return t('people.form.errors.emailInUse');
    return t(`people.form.errors.${field}`);
  };

  const refuse = (marked: Field[], general: FormProblem[]) => {
    setFailure({ attempt: Date.now(), problems: general });
    focusFirstControl(marked.map(controlId));
  };

  const submit = async (values: PersonFields) => {
    clearErrors();
    setFailure(null);
    setStale(false);
    const request = base
      ? updatePersonSchema.safeParse({
          version: base.version,
          role: values.role,
          name: values.name,
          language: values.language,
        })
      : createPersonSchema.safeParse({
          ...(chooseOrganisation ? { organisation: values.organisation } : {}),
          role: values.role,
          name: values.name,
          email: values.email,
          language: values.language,
        });
    if (!request.success) {
      const marked = [
        ...new Set(request.error.issues.map((issue) => String(issue.path[0] ?? '')).filter(isField)),
      ];
      for (const field of marked) setError(field, { type: 'client' });
      return refuse(marked, []);
    }
    try {
      if (base && 'version' in request.data) {
        const after = await update.mutateAsync({ id: base.id, change: request.data });
        onDone(t('people.edit.done', { name: after.name }));
      } else if (!base && !('version' in request.data)) {
        const created = await invite.mutateAsync(request.data);
        onDone(
          t('people.invite.done', {
            name: created.name,
            organisation: organisationName(created.organisation),
          }),
        );
      }
    } catch (error) {
      if (!(error instanceof ApiError)) return refuse([], [{ text: describeError(error) }]);
      if (error.code === 'stale_version') return setStale(true);
      if (error.code === 'email_in_use') {
        setError('email', { type: 'email_in_use' });
        return refuse(['email'], []);
      }
      if (error.code === 'last_coordinator') return refuse([], [{ text: t('people.form.lastCoordinator') }]);
      if (error.status === 403) return refuse([], [{ text: t('people.errors.forbidden') }]);
      const marked: Field[] = [];
      const general: FormProblem[] = [];
      for (const [path, text] of Object.entries(error.fields)) {
        if (isField(path) && !marked.includes(path)) {
          setError(path, { type: 'server', message: text });
          marked.push(path);
        } else general.push({ text: `${path}: ${text}` });
      }
      if (marked.length === 0) general.unshift({ text: describeError(error) });
      refuse(marked, general);
    }
  };

  const inError = fields.filter((field) => errors[field]);
  const problems: FormProblem[] = [
    ...(failure?.problems ?? []),
    ...inError.map((field) => ({ text: message(field) ?? '', fieldId: controlId(field) })),
  ];

  return (
    <form className="form" noValidate onSubmit={handleSubmit(submit)}>
      {failure && problems.length > 0 && (
        <FormErrorSummary
          key={failure.attempt}
          title={t('people.form.failed')}
          problems={problems}
          takeFocus={inError.length === 0}
        />
      )}
      {stale && (
        <StaleVersionNotice
          headingLevel={3}
          title={t('people.form.staleTitle')}
          body={t('people.form.staleBody')}
          reload={
            person && person.version !== base?.version
              ? {
                  label: t('people.form.reload'),
                  onReload: () => {
                    setBase(person);
                    reset(fieldsOf(person, shownOrganisation));
                    setStale(false);
                  },
                }
              : undefined
          }
        />
      )}
      {person || !chooseOrganisation ? (
        <p>{t('people.form.organisationFixed', { organisation: organisationName(organisation) })}</p>
      ) : (
        <SelectField
          id={controlId('organisation')}
          label={t('people.form.organisation')}
          error={message('organisation')}
          registration={register('organisation', {
            // A role the new organisation cannot hold is dropped.
            onChange: (event) => {
              if (!assignableRoles(event.target.value).includes(getValues('role') as never))
                setValue('role', '');
            },
          })}
        >
          {organisationOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </SelectField>
      )}
      <SelectField
        id={controlId('role')}
        label={t('people.form.role')}
        hint={t('people.form.roleHint')}
        error={message('role')}
        registration={register('role')}
      >
        <option value="">{t('people.form.rolePlaceholder')}</option>
        {roles.map((role) => (
          <option key={role} value={role}>
            {t(`roles.${role}`)}
          </option>
        ))}
      </SelectField>
      <InputField
        id={controlId('name')}
        label={t('people.form.name')}
        autoComplete="off"
        error={message('name')}
        registration={register('name')}
      />
      {person ? (
        <p>{t('people.form.emailFixed', { email: person.email })}</p>
      ) : (
        <InputField
          id={controlId('email')}
          type="email"
          label={t('people.form.email')}
          hint={t('people.form.emailHint')}
          autoComplete="off"
          error={message('email')}
          registration={register('email')}
        />
      )}
      <SelectField
        id={controlId('language')}
        label={t('people.form.language')}
        hint={t('people.form.languageHint')}
        error={message('language')}
        registration={register('language')}
      >
        <LanguageOptions />
      </SelectField>
      <div className="button-row">
        <button className="button" type="submit" disabled={isSubmitting}>
          {isSubmitting
            ? t('people.form.working')
            : person
              ? t('people.edit.submit')
              : t('people.invite.submit')}
        </button>
        <button className="button button--secondary" type="button" onClick={onCancel}>
          {t('people.form.cancel')}
        </button>
      </div>
    </form>
  );
}

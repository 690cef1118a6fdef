import { useMemo, useState } from 'react';
import { type FieldErrors, type Resolver, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { arrangementKinds, arrangementSchema } from '#shared/networks.ts';
import { stateCodes } from '#shared/reference/states.ts';
import { brusselsDate } from '#shared/semesters.ts';
import { ChoiceGroup, choiceId } from '../../../components/form/ChoiceGroup.tsx';
import { MultiComboboxController } from '../../../components/form/ComboboxControllers.tsx';
import { FormErrorSummary, type FormProblem } from '../../../components/form/FormErrorSummary.tsx';
import { InputField, TextareaField } from '../../../components/form/FormField.tsx';
import { problemsOfFields } from '../../../components/form/SaveFailureNotices.tsx';
import { useUnsavedChangesGuard } from '../../../components/form/use-unsaved-changes-guard.tsx';
import { Page } from '../../../components/layout/Page.tsx';
import { arrangementPath, paths } from '../../../config/paths.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { useOrganisationName } from '../../../lib/display-names.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
import { focusFirstControl } from '../../../lib/focus.ts';
import { applyServerFields, fieldMessage } from '../../../lib/form-errors.ts';
import { useSignedInMe } from '../../../lib/me.ts';
import { useCountryOptions } from '../../../lib/name-lists.ts';
import { useHostCountryOptions } from '../../../lib/reference.ts';
import { type ArrangementInput, useProposeArrangement } from '../api/arrangements.ts';

interface ArrangementFormValues {
  kind: string;
  parties: string[];
  hostCountries: string[];
  scope: string;
  validFrom: string;
  validTo: string;
}
type ArrangementField = keyof ArrangementFormValues;
const fieldOrder: readonly ArrangementField[] = [
  'kind',
  'parties',
  'hostCountries',
  'scope',
  'validFrom',
  'validTo',
];

function controlId(field: ArrangementField): string {
  return field === 'kind' ? choiceId('arrangement-kind', arrangementKinds[0]) : `arrangement-${field}`;
}

/** The form field an error path names: `parties.1` is about `parties`. */
function fieldOfPath(path: string): ArrangementField | undefined {
  const [head] = path.split('.');
  return fieldOrder.find((field) => field === head);
}

function toInput(values: ArrangementFormValues): Record<string, unknown> {
  return {
    kind: values.kind,
    parties: values.parties,
    hostCountries: values.hostCountries,
    scope: values.scope,
    validFrom: values.validFrom,
    ...(values.validTo ? { validTo: values.validTo } : {}),
  };
}

/** `/arrangements/new`: a state's coordinator proposes a representation or task-sharing arrangement. */
export function NewArrangementPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const title = t('arrangements.form.title');

  if (!me.capabilities.includes('arrangements.propose')) {
    return (
      <Page title={title}>
        <p>{t('arrangements.form.notACoordinator')}</p>
        <p>
          <Link to={paths.arrangements}>{t('arrangements.detail.toList')}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={title}>
      <p>{t('arrangements.form.intro')}</p>
      <ArrangementForm ownState={me.organisation} />
    </Page>
  );
}

function ArrangementForm({ ownState }: { ownState: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const describeError = useErrorMessage();
  const organisationName = useOrganisationName();
  const propose = useProposeArrangement();
  const stateOptions = useCountryOptions(stateCodes);
  const hostOptions = useHostCountryOptions();
  const [failure, setFailure] = useState<{ attempt: number; general: FormProblem[] } | null>(null);
  const [saving, setSaving] = useState(false);

  const resolver = useMemo<Resolver<ArrangementFormValues, unknown, ArrangementInput>>(
    () => async (values) => {
      const errors: Partial<Record<ArrangementField, { type: string; message: string }>> = {};
      const parsed = arrangementSchema.safeParse(toInput(values));
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = fieldOfPath(issue.path.map(String).join('.'));
          if (field) errors[field] ??= { type: issue.code, message: '' };
        }
      }
      // The server's rule, said at once: the proposing state is one of the parties.
      if (!values.parties.includes(ownState)) errors.parties = { type: 'own_state', message: '' };
      if (Object.keys(errors).length > 0 || !parsed.success) {
        return { values: {}, errors: errors as FieldErrors<ArrangementFormValues> };
      }
      return { values: parsed.data, errors: {} };
    },
    [ownState],
  );

  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isDirty },
  } = useForm<ArrangementFormValues, unknown, ArrangementInput>({
    resolver,
    defaultValues: {
      kind: '',
      parties: [ownState],
      hostCountries: [],
      scope: '',
      validFrom: brusselsDate(new Date()),
      validTo: '',
    },
    shouldFocusError: false,
  });
  const guard = useUnsavedChangesGuard(isDirty && !saving, t('arrangements.form.unsavedMessage'));

  const fieldError = (field: ArrangementField): string | undefined =>
    fieldMessage(errors[field], (type) => {
      if (field === 'parties' && type === 'own_state') {
        return t('arrangements.errors.partiesOwnState', { state: organisationName(ownState) });
      }
      if (field === 'validTo' && type === 'custom') return t('arrangements.errors.validToBeforeFrom');
      return t(`arrangements.errors.${field}`);
    });
  const inError = (found: FieldErrors<ArrangementFormValues>) => fieldOrder.filter((field) => found[field]);
  const focusFirst = (fields: readonly ArrangementField[]) => focusFirstControl(fields.map(controlId));

  const onValid = async (input: ArrangementInput) => {
    setFailure(null);
    setSaving(true);
    try {
      const saved = await propose.mutateAsync(input);
      guard.allowNavigation();
      void navigate(arrangementPath(saved.id), { state: { proposed: true } });
    } catch (error) {
      // Everything typed stays in the form; only the messages change.
      setSaving(false);
      const attempt = Date.now();
      if (
        error instanceof ApiError &&
        error.code === 'invalid_request' &&
        Object.keys(error.fields).length > 0
      ) {
        const { marked, unplaced } = applyServerFields(error.fields, fieldOfPath, setError);
        setFailure({
          attempt,
          general: unplaced.map(({ path, message }) => ({ text: `${path}: ${message}` })),
        });
        focusFirst(marked);
        return;
      }
      setFailure({ attempt, general: [{ text: describeError(error) }] });
    }
  };

  const problems = failure ? problemsOfFields(failure.general, inError(errors), fieldError, controlId) : [];
  const onlyGeneral = failure !== null && inError(errors).length === 0;

  return (
    <>
      {failure && problems.length > 0 && (
        <FormErrorSummary
          key={failure.attempt}
          title={onlyGeneral ? t('arrangements.form.failed') : t('form.errorSummaryTitle')}
          problems={problems}
          takeFocus={onlyGeneral}
        />
      )}
      <form
        className="form form--wide"
        noValidate
        onSubmit={handleSubmit(onValid, (found) => {
          setFailure({ attempt: Date.now(), general: [] });
          focusFirst(inError(found));
        })}
      >
        <ChoiceGroup
          id="arrangement-kind"
          type="radio"
          legend={t('arrangements.fields.kind.label')}
          error={fieldError('kind')}
          choices={arrangementKinds.map((kind) => ({
            value: kind,
            label: t(`arrangements.kinds.${kind}.label`),
            hint: t(`arrangements.kinds.${kind}.hint`),
          }))}
          registration={register('kind')}
        />
        <MultiComboboxController
          control={control}
          name="parties"
          id={controlId('parties')}
          label={t('arrangements.fields.parties.label')}
          hint={t('arrangements.fields.parties.hint', { state: organisationName(ownState) })}
          error={fieldError('parties')}
          options={stateOptions}
        />
        <MultiComboboxController
          control={control}
          name="hostCountries"
          id={controlId('hostCountries')}
          label={t('arrangements.fields.hostCountries.label')}
          hint={t('arrangements.fields.hostCountries.hint')}
          error={fieldError('hostCountries')}
          options={hostOptions}
        />
        <TextareaField
          id={controlId('scope')}
          label={t('arrangements.fields.scope.label')}
          hint={t('arrangements.fields.scope.hint')}
          error={fieldError('scope')}
          registration={register('scope')}
        />
        <InputField
          id={controlId('validFrom')}
          type="date"
          label={t('arrangements.fields.validFrom.label')}
          error={fieldError('validFrom')}
          registration={register('validFrom')}
        />
        <InputField
          id={controlId('validTo')}
          type="date"
          label={t('arrangements.fields.validTo.label')}
          hint={t('arrangements.fields.validTo.hint')}
          optional
          error={fieldError('validTo')}
          registration={register('validTo')}
        />
        <p className="notice">{t('arrangements.form.whatHappens')}</p>
        <div className="button-row">
          <button className="button" type="submit" disabled={saving}>
            {saving ? t('arrangements.form.saving') : t('arrangements.form.submit')}
          </button>
          <Link className="button button--secondary" to={paths.arrangements}>
            {t('arrangements.form.cancel')}
          </Link>
        </div>
        <p className="save-status" role="status">
          {saving ? t('arrangements.form.saving') : failure ? t('arrangements.form.notSaved') : ''}
        </p>
      </form>
      {guard.dialog}
    </>
  );
}

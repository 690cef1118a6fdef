import { useEffect, useMemo, useRef, useState } from 'react';
import { type FieldErrors, type Resolver, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { regionIdParams, regionInputSchema } from '#shared/networks.ts';
import { MultiComboboxController } from '../../../components/form/ComboboxControllers.tsx';
import { FormErrorSummary, type FormProblem } from '../../../components/form/FormErrorSummary.tsx';
import { InputField } from '../../../components/form/FormField.tsx';
import { problemsOfFields } from '../../../components/form/SaveFailureNotices.tsx';
import { QueryResult } from '../../../components/ui/QueryResult.tsx';
import { Section } from '../../../components/ui/Section.tsx';
import { Table } from '../../../components/ui/Table.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { countryName } from '../../../lib/display-names.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
import { focusFirstControl } from '../../../lib/focus.ts';
import { applyServerFields, fieldMessage } from '../../../lib/form-errors.ts';
import { useListFormat } from '../../../lib/name-lists.ts';
import { useHostCountryOptions } from '../../../lib/reference.ts';
import { type Region, useRegions } from '../../../lib/regions.ts';
import { useSaveRegion } from '../api/networks.ts';

interface RegionFormValues {
  id: string;
  name: string;
  hostCountries: string[];
}
type RegionField = keyof RegionFormValues;
const regionFields: readonly RegionField[] = ['id', 'name', 'hostCountries'];
const controlId = (field: RegionField) => `region-${field}`;

/** The form field an error path names: `hostCountries.1` is about `hostCountries`. */
function fieldOfPath(path: string): RegionField | undefined {
  const [head] = path.split('.');
  return regionFields.find((field) => field === head);
}

interface RegionBody {
  id: string;
  name: string;
  hostCountries: string[];
  version: number;
}

type Editing = { kind: 'new' } | { kind: 'change'; region: Region };

/**
 * The Commission's administrators keep the regional networks: named sets of host countries, whose
 * members are the states with ILOs in any of them. A small list with a form to add or change one.
 */
export function RegionManager() {
  const { t, i18n } = useTranslation();
  const regions = useRegions(true);
  const join = useListFormat();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);

  const done = (message: string | null) => {
    setEditing(null);
    setNotice(message);
    window.setTimeout(() => (message ? noticeRef.current : openButton.current)?.focus(), 0);
  };

  const table = (items: readonly Region[]) =>
    items.length === 0 ? (
      <p>{t('networks.regions.none')}</p>
    ) : (
      <Table
        caption={t('networks.regions.caption')}
        captionHidden
        columns={[
          t('networks.regions.columns.name'),
          t('networks.regions.columns.id'),
          t('networks.regions.columns.hostCountries'),
          { label: t('networks.regions.columns.actions'), hidden: true },
        ]}
      >
        {items.map((region) => (
          <tr key={region.id}>
            <th scope="row">{region.name}</th>
            <td>
              <code>{region.id}</code>
            </td>
            <td>{join(region.hostCountries.map((code) => countryName(code, i18n.language)))}</td>
            <td>
              <button
                className="button button--secondary button--small"
                type="button"
                onClick={() => {
                  setNotice(null);
                  setEditing({ kind: 'change', region });
                }}
              >
                {t('networks.regions.change')}
                <span className="visually-hidden"> {region.name}</span>
              </button>
            </td>
          </tr>
        ))}
      </Table>
    );

  return (
    <Section
      id="regions-manage"
      title={t('networks.regions.heading')}
      className="card card--flat region-manager"
    >
      <p>{t('networks.regions.intro')}</p>
      <div ref={noticeRef} tabIndex={-1} className="outcome">
        {notice && (
          <div className="notice notice--success" role="status">
            <p>{notice}</p>
          </div>
        )}
      </div>
      <QueryResult
        query={regions}
        loading={t('networks.regions.loading')}
        loadFailed={t('networks.regions.loadFailed')}
      >
        {(data) => table(data.items)}
      </QueryResult>
      {editing ? (
        <RegionForm
          key={editing.kind === 'new' ? 'new' : editing.region.id}
          region={editing.kind === 'change' ? editing.region : undefined}
          onSaved={(region) => done(t('networks.regions.saved', { name: region.name }))}
          onCancel={() => done(null)}
        />
      ) : (
        <button
          ref={openButton}
          className="button"
          type="button"
          onClick={() => {
            setNotice(null);
            setEditing({ kind: 'new' });
          }}
        >
          {t('networks.regions.new')}
        </button>
      )}
    </Section>
  );
}

function RegionForm({
  region,
  onSaved,
  onCancel,
}: {
  region: Region | undefined;
  onSaved: (region: Region) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const save = useSaveRegion();
  const hostOptions = useHostCountryOptions();
  const [failure, setFailure] = useState<{ attempt: number; general: FormProblem[] } | null>(null);
  const headingId = 'region-form-title';
  // The form opens where the button was: take the person to its first field.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on opening.
  useEffect(() => {
    document.getElementById(controlId(region ? 'name' : 'id'))?.focus();
  }, []);

  const resolver = useMemo<Resolver<RegionFormValues, unknown, RegionBody>>(
    () => async (values) => {
      const body = {
        name: values.name,
        hostCountries: values.hostCountries,
        version: region?.version ?? 0,
      };
      const errors: Partial<Record<RegionField, { type: string; message: string }>> = {};
      const id = values.id.trim();
      if (!region && !regionIdParams.safeParse({ id }).success) errors.id = { type: 'invalid', message: '' };
      const parsed = regionInputSchema.safeParse(body);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const [head] = issue.path;
          if (head === 'name' || head === 'hostCountries') errors[head] ??= { type: issue.code, message: '' };
        }
      }
      if (Object.keys(errors).length > 0) {
        return { values: {}, errors: errors as FieldErrors<RegionFormValues> };
      }
      return { values: { ...body, id: region?.id ?? id }, errors: {} };
    },
    [region],
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<RegionFormValues, unknown, RegionBody>({
    resolver,
    defaultValues: {
      id: region?.id ?? 'R-',
      name: region?.name ?? '',
      hostCountries: region ? [...region.hostCountries] : [],
    },
    shouldFocusError: false,
  });

  const fieldError = (field: RegionField) =>
    fieldMessage(errors[field], () => t(`networks.regions.errors.${field}`));
  const inError = (found: FieldErrors<RegionFormValues>) => regionFields.filter((field) => found[field]);
  const focusFirst = (fields: readonly RegionField[]) => focusFirstControl(fields.map(controlId));

  const onValid = async (body: RegionBody) => {
    setFailure(null);
    try {
      onSaved(await save.mutateAsync(body));
    } catch (error) {
      const attempt = Date.now();
      if (error instanceof ApiError && error.code === 'stale_version') {
        const message = region ? t('networks.regions.stale') : t('networks.regions.exists', { id: body.id });
        if (region) setFailure({ attempt, general: [{ text: message }] });
        else {
          setError('id', { type: 'server', message });
          setFailure({ attempt, general: [] });
          focusFirst(['id']);
        }
        return;
      }
      if (error instanceof ApiError && error.code === 'invalid_request') {
        const { marked, unplaced } = applyServerFields(error.fields, fieldOfPath, setError);
        const general: FormProblem[] = unplaced.map(({ message }) => ({ text: message }));
        if (marked.length === 0 && general.length === 0) general.push({ text: describeError(error) });
        setFailure({ attempt, general });
        focusFirst(marked);
        return;
      }
      setFailure({ attempt, general: [{ text: describeError(error) }] });
    }
  };

  const problems = failure ? problemsOfFields(failure.general, inError(errors), fieldError, controlId) : [];

  return (
    <form
      className="form form--wide region-form"
      noValidate
      aria-labelledby={headingId}
      onSubmit={handleSubmit(onValid, (found) => {
        setFailure({ attempt: Date.now(), general: [] });
        focusFirst(inError(found));
      })}
    >
      <h3 id={headingId}>
        {region ? t('networks.regions.changeTitle', { name: region.name }) : t('networks.regions.newTitle')}
      </h3>
      {failure && problems.length > 0 && (
        <FormErrorSummary
          key={failure.attempt}
          title={t('form.errorSummaryTitle')}
          problems={problems}
          takeFocus={failure.general.length > 0}
        />
      )}
      {!region && (
        <InputField
          id={controlId('id')}
          label={t('networks.regions.fields.id.label')}
          hint={t('networks.regions.fields.id.hint')}
          autoComplete="off"
          error={fieldError('id')}
          registration={register('id')}
        />
      )}
      <InputField
        id={controlId('name')}
        label={t('networks.regions.fields.name.label')}
        error={fieldError('name')}
        registration={register('name')}
      />
      <MultiComboboxController
        control={control}
        name="hostCountries"
        id={controlId('hostCountries')}
        label={t('networks.regions.fields.hostCountries.label')}
        hint={t('networks.regions.fields.hostCountries.hint')}
        error={fieldError('hostCountries')}
        options={hostOptions}
      />
      <div className="button-row">
        <button className="button" type="submit" disabled={save.isPending}>
          {save.isPending ? t('networks.regions.saving') : t('networks.regions.save')}
        </button>
        <button className="button button--secondary" type="button" onClick={onCancel}>
          {t('networks.regions.cancel')}
        </button>
      </div>
    </form>
  );
}

import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isSemesterId, nextSemesterId, type SemesterId } from '#shared/semesters.ts';
import { FormField } from '../../../components/form/FormField.tsx';
import { StaleVersionNotice } from '../../../components/form/VersionConflict.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useOrganisationName } from '../../../lib/display-names.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
import { applyServerFields } from '../../../lib/form-errors.ts';
import { useSignedInMe } from '../../../lib/me.ts';
import { useSignedInReference } from '../../../lib/reference.ts';
import { useSetPresidency } from '../api/presidency.ts';

type Field = 'semester' | 'state';

/**
 * For the Commission's administrators: correct the Presidency of a semester that is not closed, or
 * add one beyond the calendar (the semester after the last one stored is offered). The lock is the
 * semester's version as the calendar was read; a stale one says so and offers the latest.
 */
export function PresidencyCalendarForm() {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const organisationName = useOrganisationName();
  const me = useSignedInMe();
  const reference = useSignedInReference();
  const save = useSetPresidency();
  const headingId = useId();
  const [semesterId, setSemesterId] = useState('');
  const [state, setState] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [stale, setStale] = useState(false);
  const [saved, setSaved] = useState<string | undefined>(undefined);

  if (!me.capabilities.includes('presidency.set')) return null;
  const calendar = reference.semesters;
  const open = calendar.filter((s) => s.status === 'open');
  const last = calendar.at(-1)?.id;
  const choices: SemesterId[] = [
    ...new Set([
      ...open.map((s) => s.id as SemesterId),
      ...(reference.presidencyGaps as SemesterId[]),
      ...(last && isSemesterId(last) ? [nextSemesterId(last)] : []),
    ]),
  ].sort();
  const stored = calendar.find((s) => s.id === semesterId);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(undefined);
    setStale(false);
    setSaved(undefined);
    const own: Partial<Record<Field, string>> = {};
    if (!semesterId) own.semester = t('presidency.form.semesterRequired');
    if (!state) own.state = t('presidency.form.stateRequired');
    setErrors(own);
    if (Object.keys(own).length > 0) return;
    try {
      const answer = await save.mutateAsync({ semester: semesterId, state, version: stored?.version ?? 0 });
      setSaved(
        t('presidency.form.saved', { semester: answer.semester, state: organisationName(answer.presidency) }),
      );
    } catch (error) {
      if (error instanceof ApiError && error.code === 'stale_version') setStale(true);
      else if (error instanceof ApiError && error.code === 'invalid_request') {
        const server: Partial<Record<Field, string>> = {};
        const { unplaced } = applyServerFields(
          error.fields,
          (path) => (path === 'semester' || path === 'state' ? path : undefined),
          (field, problem) => {
            server[field] = problem.message;
          },
        );
        setErrors(server);
        if (unplaced.length > 0 || Object.keys(server).length === 0) setFailure(describeError(error));
      } else setFailure(describeError(error));
    }
  };

  return (
    <section className="actions" aria-labelledby={headingId}>
      <h2 className="section-title" id={headingId}>
        {t('presidency.form.heading')}
      </h2>
      <p>{t('presidency.form.intro')}</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <FormField id="presidency-semester" label={t('presidency.form.semester')} error={errors.semester}>
          {(control) => (
            <select
              className="field__control"
              value={semesterId}
              onChange={(event) => setSemesterId(event.target.value)}
              {...control}
            >
              <option value="">{t('presidency.form.semesterPlaceholder')}</option>
              {choices.map((id) => {
                const current = calendar.find((s) => s.id === id);
                return (
                  <option key={id} value={id}>
                    {current
                      ? t('presidency.form.semesterOption', {
                          semester: id,
                          state: organisationName(current.presidency),
                        })
                      : t('presidency.form.semesterNone', { semester: id })}
                  </option>
                );
              })}
            </select>
          )}
        </FormField>
        <FormField
          id="presidency-state"
          label={t('presidency.form.state')}
          hint={t('presidency.form.stateHint')}
          error={errors.state}
        >
          {(control) => (
            <select
              className="field__control"
              value={state}
              onChange={(event) => setState(event.target.value)}
              {...control}
            >
              <option value="">{t('presidency.form.statePlaceholder')}</option>
              {reference.states.map((s) => (
                <option key={s.code} value={s.code}>
                  {organisationName(s.code)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {stale && (
          <StaleVersionNotice
            headingLevel={3}
            title={t('presidency.form.staleTitle')}
            body={t('presidency.form.staleBody')}
          />
        )}
        {failure && (
          <p className="notice notice--error" role="alert">
            {failure}
          </p>
        )}
        <div className="button-row">
          <button className="button" type="submit" disabled={save.isPending}>
            {save.isPending ? t('presidency.form.working') : t('presidency.form.submit')}
          </button>
        </div>
        <p role="status">{saved}</p>
      </form>
    </section>
  );
}

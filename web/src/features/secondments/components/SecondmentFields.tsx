import { useMemo } from 'react';
import { type Control, type UseFormRegister, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LIMITS, missionTypes, secondmentTasks } from '#shared/secondments.ts';
import { ChoiceGroup } from '../../../components/form/ChoiceGroup.tsx';
import {
  ComboboxController,
  MultiComboboxController,
} from '../../../components/form/ComboboxControllers.tsx';
import { InputField, TextareaField } from '../../../components/form/FormField.tsx';
import type { Submission } from '../hooks/use-secondment-draft.ts';
import { controlId, groupId } from '../utils/form-controls.ts';
import type { FieldPath, SecondmentFormValues } from '../utils/form-values.ts';
import { useCountryOptions, useLanguageOptions } from '../utils/text.ts';

interface SecondmentFieldsProps {
  control: Control<SecondmentFormValues, unknown, Submission>;
  register: UseFormRegister<SecondmentFormValues>;
  /** The message to show beside a field, if any. */
  fieldError: (path: FieldPath) => string | undefined;
  /** The host countries to choose from (codes, from the reference data). */
  hostCountries: readonly string[];
}

/** The fields of a secondment's notification (Art. 3), in four sections: post, officer, period, tasks. */
export function SecondmentFields({ control, register, fieldError, hostCountries }: SecondmentFieldsProps) {
  const { t } = useTranslation();
  const hostCountryOptions = useCountryOptions(hostCountries);
  const languageOptions = useLanguageOptions();
  const hostCountry = useWatch({ control, name: 'hostCountry' });
  const coverageOptions = useMemo(
    () => hostCountryOptions.filter((option) => option.value !== hostCountry),
    [hostCountryOptions, hostCountry],
  );

  return (
    <>
      <h2 className="form__section">{t('secondments.form.sectionPost')}</h2>
      <ComboboxController
        control={control}
        name="hostCountry"
        id={controlId('hostCountry')}
        label={t('secondments.fields.hostCountry.label')}
        hint={t('secondments.fields.hostCountry.hint')}
        error={fieldError('hostCountry')}
        options={hostCountryOptions}
      />
      <InputField
        id={controlId('post.city')}
        label={t('secondments.fields.postCity.label')}
        error={fieldError('post.city')}
        registration={register('post.city')}
      />
      <ChoiceGroup
        id={groupId('post.mission')}
        type="radio"
        legend={t('secondments.fields.postMission.label')}
        error={fieldError('post.mission')}
        choices={missionTypes.map((mission) => ({
          value: mission,
          label: t(`secondments.missions.${mission}`),
        }))}
        registration={register('post.mission')}
      />
      <MultiComboboxController
        control={control}
        name="regionalCoverage"
        id={controlId('regionalCoverage')}
        label={t('secondments.fields.regionalCoverage.label')}
        hint={t('secondments.fields.regionalCoverage.hint')}
        optional
        error={fieldError('regionalCoverage')}
        options={coverageOptions}
      />

      <h2 className="form__section">{t('secondments.form.sectionOfficer')}</h2>
      <InputField
        id={controlId('authority')}
        label={t('secondments.fields.authority.label')}
        hint={t('secondments.fields.authority.hint')}
        error={fieldError('authority')}
        registration={register('authority')}
      />
      <InputField
        id={controlId('officer.name')}
        label={t('secondments.fields.officerName.label')}
        hint={t('secondments.form.officerPrivacy')}
        autoComplete="off"
        error={fieldError('officer.name')}
        registration={register('officer.name')}
      />
      <InputField
        id={controlId('officer.email')}
        type="email"
        label={t('secondments.fields.officerEmail.label')}
        optional
        autoComplete="off"
        error={fieldError('officer.email')}
        registration={register('officer.email')}
      />
      <InputField
        id={controlId('officer.phone')}
        type="tel"
        label={t('secondments.fields.officerPhone.label')}
        hint={t('secondments.fields.officerPhone.hint')}
        optional
        autoComplete="off"
        error={fieldError('officer.phone')}
        registration={register('officer.phone')}
      />

      <h2 className="form__section">{t('secondments.form.sectionPeriod')}</h2>
      <InputField
        id={controlId('startDate')}
        type="date"
        label={t('secondments.fields.startDate.label')}
        hint={t('secondments.fields.startDate.hint')}
        error={fieldError('startDate')}
        registration={register('startDate')}
      />
      <InputField
        id={controlId('endDate')}
        type="date"
        label={t('secondments.fields.endDate.label')}
        hint={t('secondments.fields.endDate.hint')}
        optional
        error={fieldError('endDate')}
        registration={register('endDate')}
      />

      <h2 className="form__section">{t('secondments.form.sectionTasks')}</h2>
      <ChoiceGroup
        id={groupId('tasks')}
        type="checkbox"
        legend={t('secondments.fields.tasks.label')}
        hint={t('secondments.fields.tasks.hint')}
        error={fieldError('tasks')}
        choices={secondmentTasks.map((task) => ({
          value: task,
          label: t(`secondments.tasks.${task}.label`),
          hint: t(`secondments.tasks.${task}.description`),
        }))}
        registration={register('tasks')}
      />
      <TextareaField
        id={controlId('taskDescription')}
        label={t('secondments.fields.taskDescription.label')}
        hint={t('secondments.fields.taskDescription.hint', { max: LIMITS.taskDescription })}
        optional
        error={fieldError('taskDescription')}
        registration={register('taskDescription')}
      />
      <MultiComboboxController
        control={control}
        name="languages"
        id={controlId('languages')}
        label={t('secondments.fields.languages.label')}
        hint={t('secondments.fields.languages.hint')}
        optional
        error={fieldError('languages')}
        options={languageOptions}
      />
    </>
  );
}

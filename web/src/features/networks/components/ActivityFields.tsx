import type { Control, UseFormRegister, UseFormRegisterReturn } from 'react-hook-form';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type ActivityKind, contactCounterparts, trainingKinds } from '#shared/networks.ts';
import { stateCodes } from '#shared/reference/states.ts';
import { ChoiceGroup } from '../../../components/form/ChoiceGroup.tsx';
import {
  ComboboxController,
  MultiComboboxController,
} from '../../../components/form/ComboboxControllers.tsx';
import { FieldNotes, fieldNoteIds } from '../../../components/form/FieldNotes.tsx';
import { InputField, TextareaField } from '../../../components/form/FormField.tsx';
import { useCountryOptions } from '../../../lib/name-lists.ts';
import { activityControlId } from '../utils/activity-controls.ts';
import type { ActivityField, ActivityFormValues } from '../utils/activity-form.ts';

/** The fields that come with a hint. */
type HintedField = Exclude<
  ActivityField,
  'commissionPresent' | 'summary' | 'trainingKind' | 'position' | 'counterpartType'
>;

interface KindFieldsProps {
  control: Control<ActivityFormValues, unknown, Record<string, unknown>>;
  register: UseFormRegister<ActivityFormValues>;
  fieldError: (field: ActivityField) => string | undefined;
}

/** The label and hint of each field, and its id and error: what every field of the form is given. */
function useFieldText({ fieldError }: Pick<KindFieldsProps, 'fieldError'>) {
  const { t } = useTranslation();
  return {
    t,
    labelled: (field: ActivityField) => ({
      id: activityControlId(field),
      label: t(`networks.activityForm.fields.${field}.label`),
      error: fieldError(field),
    }),
    hinted: (field: HintedField) => ({
      id: activityControlId(field),
      label: t(`networks.activityForm.fields.${field}.label`),
      hint: t(`networks.activityForm.fields.${field}.hint`),
      error: fieldError(field),
    }),
  };
}

/** The fields of one kind of activity, after its date and before its topics and summary. */
export function ActivityFields({ kind, ...props }: KindFieldsProps & { kind: ActivityKind }) {
  const { register } = props;
  const { hinted, labelled } = useFieldText(props);
  return (
    <>
      <InputField type="date" {...hinted('date')} registration={register('date')} />
      {kind === 'meeting' && <MeetingFields {...props} />}
      {kind === 'training' && <TrainingFields {...props} />}
      {kind === 'carrier_position' && <CarrierPositionFields {...props} />}
      {kind === 'contact' && <ContactFields {...props} />}
      {(kind === 'meeting' || kind === 'training') && (
        <TextareaField {...hinted('topics')} optional rows={3} registration={register('topics')} />
      )}
      {kind !== 'carrier_position' && (
        <TextareaField
          {...labelled('summary')}
          optional={kind === 'training'}
          registration={register('summary')}
        />
      )}
    </>
  );
}

function MeetingFields(props: KindFieldsProps) {
  const { control, register, fieldError } = props;
  const { hinted } = useFieldText(props);
  const stateOptions = useCountryOptions(stateCodes);
  const [commissionPresent, ebcgPresent] = useWatch({ control, name: ['commissionPresent', 'ebcgPresent'] });
  return (
    <>
      <ComboboxController
        control={control}
        name="convenedBy"
        {...hinted('convenedBy')}
        options={stateOptions}
      />
      <MultiComboboxController
        control={control}
        name="participants"
        {...hinted('participants')}
        options={stateOptions}
      />
      <Attendance
        error={fieldError('commissionPresent')}
        commission={register('commissionPresent')}
        ebcg={register('ebcgPresent')}
      />
      {(!commissionPresent || !ebcgPresent) && (
        <TextareaField {...hinted('absenceReason')} rows={3} registration={register('absenceReason')} />
      )}
    </>
  );
}

function TrainingFields(props: KindFieldsProps) {
  const { register, fieldError } = props;
  const { t, hinted } = useFieldText(props);
  return (
    <>
      <ChoiceGroup
        id="activity-trainingKind"
        type="radio"
        legend={t('networks.activityForm.fields.trainingKind.label')}
        error={fieldError('trainingKind')}
        choices={trainingKinds.map((value) => ({ value, label: t(`networks.trainingKinds.${value}`) }))}
        registration={register('trainingKind')}
      />
      <TextareaField {...hinted('organisers')} rows={3} registration={register('organisers')} />
      <InputField type="number" {...hinted('participantCount')} registration={register('participantCount')} />
    </>
  );
}

function CarrierPositionFields(props: KindFieldsProps) {
  const { control, register } = props;
  const { hinted, labelled } = useFieldText(props);
  const stateOptions = useCountryOptions(stateCodes);
  return (
    <>
      <TextareaField {...hinted('carriers')} rows={3} registration={register('carriers')} />
      <MultiComboboxController control={control} name="states" {...hinted('states')} options={stateOptions} />
      <TextareaField {...labelled('position')} registration={register('position')} />
    </>
  );
}

function ContactFields(props: KindFieldsProps) {
  const { register, fieldError } = props;
  const { t, hinted } = useFieldText(props);
  return (
    <>
      <ChoiceGroup
        id="activity-counterpartType"
        type="radio"
        legend={t('networks.activityForm.fields.counterpartType.label')}
        error={fieldError('counterpartType')}
        choices={contactCounterparts.map((value) => ({ value, label: t(`networks.counterparts.${value}`) }))}
        registration={register('counterpartType')}
      />
      <InputField {...hinted('counterpart')} registration={register('counterpart')} />
    </>
  );
}

/**
 * Whether the Commission and the EBCG Agency attended: both are expected (Art. 4); the reason field
 * appears below as soon as either box is cleared, and the hint says so before anyone clears one.
 */
function Attendance({
  error,
  commission,
  ebcg,
}: {
  error: string | undefined;
  commission: UseFormRegisterReturn;
  ebcg: UseFormRegisterReturn;
}) {
  const { t } = useTranslation();
  const id = 'activity-attendance';
  return (
    <fieldset
      className={error ? 'field choice-group field--invalid' : 'field choice-group'}
      aria-describedby={fieldNoteIds(id, true, error).describedBy}
    >
      <legend className="field__label choice-group__legend">
        {t('networks.activityForm.fields.attendance.label')}
      </legend>
      <FieldNotes id={id} hint={t('networks.activityForm.fields.attendance.hint')} error={error} />
      <div className="choices">
        <div className="choice">
          <input
            className="choice__input"
            id={activityControlId('commissionPresent')}
            type="checkbox"
            {...commission}
          />
          <label className="choice__label" htmlFor={activityControlId('commissionPresent')}>
            {t('networks.activityForm.fields.attendance.commission')}
          </label>
        </div>
        <div className="choice">
          <input className="choice__input" id="activity-ebcgPresent" type="checkbox" {...ebcg} />
          <label className="choice__label" htmlFor="activity-ebcgPresent">
            {t('networks.activityForm.fields.attendance.ebcg')}
          </label>
        </div>
      </div>
    </fieldset>
  );
}

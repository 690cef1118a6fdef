import { choiceId } from '../../../components/form/ChoiceGroup.tsx';
import { type ActivityField, contactCounterparts, trainingKinds } from './activity-form.ts';

/** The id of the control of each field: error-summary links and "focus the first error" go there. */
export function activityControlId(field: ActivityField): string {
  if (field === 'trainingKind') return choiceId('activity-trainingKind', trainingKinds[0]);
  if (field === 'counterpartType') return choiceId('activity-counterpartType', contactCounterparts[0]);
  return `activity-${field}`;
}

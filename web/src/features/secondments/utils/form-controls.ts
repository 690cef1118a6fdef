import { type FieldError, type FieldErrors, get } from 'react-hook-form';
import { LIMITS, missionTypes, secondmentTasks } from '#shared/secondments.ts';
import { choiceId } from '../../../components/form/ChoiceGroup.tsx';
import { type FieldPath, fieldPaths, type SecondmentFormValues } from './form-values.ts';

/** The length and count limits the error messages quote. */
export const limits: Partial<Record<FieldPath, number>> = {
  'post.city': LIMITS.city,
  authority: LIMITS.authority,
  'officer.name': LIMITS.officerName,
  'officer.phone': LIMITS.phone,
  taskDescription: LIMITS.taskDescription,
  regionalCoverage: LIMITS.regionalCoverage,
  languages: LIMITS.languages,
};

/** The id of the control of each field: error-summary links and "focus the first error" go there. */
export function controlId(path: FieldPath): string {
  const base = `secondment-${path.replace('.', '-')}`;
  if (path === 'post.mission') return choiceId(base, missionTypes[0]);
  if (path === 'tasks') return choiceId(base, secondmentTasks[0]);
  return base;
}

/** The id prefix of a group of choices. */
export const groupId = (path: 'post.mission' | 'tasks') => `secondment-${path.replace('.', '-')}`;

/** The error of a field, whether on the field or, for lists, on one of its items. */
export function errorOf(errors: FieldErrors<SecondmentFormValues>, path: FieldPath): FieldError | undefined {
  const error = get(errors, path) as FieldError | (FieldError | undefined)[] | undefined;
  if (!error) return undefined;
  if (Array.isArray(error)) return error.find((item) => item?.message);
  if (error.message) return error;
  // An array field may carry its own error beside its items' (react-hook-form keeps it under `root`).
  const root = (error as { root?: FieldError }).root;
  return root ?? error;
}

/** The fields in error, in the order of the form. */
export const pathsInError = (errors: FieldErrors<SecondmentFormValues>) =>
  fieldPaths.filter((path) => errorOf(errors, path) !== undefined);

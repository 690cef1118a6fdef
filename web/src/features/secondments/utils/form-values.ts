import type { MissionType, Secondment, SecondmentInput, SecondmentTask } from '#shared/secondments.ts';

/**
 * What the secondment form holds while the person types: plain strings ('' for "nothing yet") and
 * arrays, easy to keep in localStorage and to put back. `toInput` turns them into the request body
 * that the shared schema then validates, exactly as the server does.
 */
export interface SecondmentFormValues {
  hostCountry: string;
  post: { city: string; mission: MissionType | '' };
  authority: string;
  officer: { name: string; email: string; phone: string };
  startDate: string;
  endDate: string;
  tasks: SecondmentTask[];
  taskDescription: string;
  regionalCoverage: string[];
  languages: string[];
}

export const emptyFormValues: SecondmentFormValues = {
  hostCountry: '',
  post: { city: '', mission: '' },
  authority: '',
  officer: { name: '', email: '', phone: '' },
  startDate: '',
  endDate: '',
  tasks: [],
  taskDescription: '',
  regionalCoverage: [],
  languages: [],
};

export function formValuesOf(secondment: Secondment): SecondmentFormValues {
  return {
    hostCountry: secondment.hostCountry,
    post: { ...secondment.post },
    authority: secondment.authority,
    officer: {
      name: secondment.officer?.name ?? '',
      email: secondment.officer?.email ?? '',
      phone: secondment.officer?.phone ?? '',
    },
    startDate: secondment.startDate,
    endDate: secondment.endDate ?? '',
    tasks: [...secondment.tasks],
    taskDescription: secondment.taskDescription,
    regionalCoverage: [...secondment.regionalCoverage],
    languages: [...secondment.languages],
  };
}

/** The request body: optional fields left empty are left out rather than sent as ''. */
export function toInput(values: SecondmentFormValues): SecondmentInput {
  const email = values.officer.email.trim();
  const phone = values.officer.phone.trim();
  return {
    hostCountry: values.hostCountry,
    // '' is no mission: the schema answers "Choose the kind of mission".
    post: { city: values.post.city, mission: values.post.mission as MissionType },
    authority: values.authority,
    officer: {
      name: values.officer.name,
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
    },
    startDate: values.startDate,
    ...(values.endDate ? { endDate: values.endDate } : {}),
    // react-hook-form gives a lone checked checkbox's value as a string, none as false: always an array.
    tasks: Array.isArray(values.tasks) ? values.tasks : [],
    taskDescription: values.taskDescription,
    regionalCoverage: values.regionalCoverage,
    languages: values.languages,
  };
}

/** Whether two states of the form would send the same request. */
export function sameValues(a: SecondmentFormValues, b: SecondmentFormValues): boolean {
  return JSON.stringify(toInput(a)) === JSON.stringify(toInput(b));
}

/** Fills gaps in values read back from storage (written by an older version of the app, or tampered with). */
export function completeFormValues(stored: unknown): SecondmentFormValues | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const value = stored as Partial<SecondmentFormValues>;
  const text = (candidate: unknown) => (typeof candidate === 'string' ? candidate : '');
  const list = <T extends string>(candidate: unknown) =>
    Array.isArray(candidate) ? (candidate.filter((item) => typeof item === 'string') as T[]) : [];
  return {
    hostCountry: text(value.hostCountry),
    post: { city: text(value.post?.city), mission: text(value.post?.mission) as MissionType | '' },
    authority: text(value.authority),
    officer: {
      name: text(value.officer?.name),
      email: text(value.officer?.email),
      phone: text(value.officer?.phone),
    },
    startDate: text(value.startDate),
    endDate: text(value.endDate),
    tasks: list<SecondmentTask>(value.tasks),
    taskDescription: text(value.taskDescription),
    regionalCoverage: list(value.regionalCoverage),
    languages: list(value.languages),
  };
}

/** Every field of the form by its path (as the server names it in `fields`), in the order of the form. */
export const fieldPaths = [
  'hostCountry',
  'post.city',
  'post.mission',
  'regionalCoverage',
  'authority',
  'officer.name',
  'officer.email',
  'officer.phone',
  'startDate',
  'endDate',
  'tasks',
  'taskDescription',
  'languages',
] as const;
export type FieldPath = (typeof fieldPaths)[number];

/** The form field a path of an error names: `regionalCoverage.1` is about `regionalCoverage`. */
export function fieldOfPath(path: string): FieldPath | undefined {
  return fieldPaths.find((field) => path === field || path.startsWith(`${field}.`));
}

/** One field's value, by path. */
export function valueAt(values: SecondmentFormValues, path: FieldPath): unknown {
  switch (path) {
    case 'post.city':
      return values.post.city;
    case 'post.mission':
      return values.post.mission;
    case 'officer.name':
      return values.officer.name;
    case 'officer.email':
      return values.officer.email;
    case 'officer.phone':
      return values.officer.phone;
    default:
      return values[path];
  }
}

/** The fields whose values differ between two states of the form. */
export function changedFields(from: SecondmentFormValues, to: SecondmentFormValues): FieldPath[] {
  return fieldPaths.filter(
    (path) => JSON.stringify(valueAt(from, path)) !== JSON.stringify(valueAt(to, path)),
  );
}

/** `into`, with the given fields taken from `from`: someone's own changes laid over a newer version. */
export function withFields(
  into: SecondmentFormValues,
  from: SecondmentFormValues,
  paths: readonly FieldPath[],
): SecondmentFormValues {
  const result: SecondmentFormValues = structuredClone(into);
  for (const path of paths) {
    if (path.startsWith('post.')) result.post = { ...result.post, [path.slice(5)]: valueAt(from, path) };
    else if (path.startsWith('officer.')) {
      result.officer = { ...result.officer, [path.slice(8)]: valueAt(from, path) };
    } else Object.assign(result, { [path]: structuredClone(valueAt(from, path)) });
  }
  return result;
}

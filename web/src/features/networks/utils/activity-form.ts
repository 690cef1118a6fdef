import {
  type ActivityKind,
  activityKinds,
  activitySchemas,
  contactCounterparts,
  trainingKinds,
} from '#shared/networks.ts';
import type { ActivityPathKind } from '../../../config/paths.ts';

/**
 * What an activity form holds while the person types: plain strings ('' for "nothing yet"), booleans
 * and arrays of codes, one set of fields for the four kinds (each form shows its own). `toInput` turns
 * them into the request body that the shared schema then checks, exactly as the server does.
 * Lists of free text (topics, organisers, carriers) are typed one per line.
 */
export interface ActivityFormValues {
  date: string;
  // meeting
  convenedBy: string;
  participants: string[];
  commissionPresent: boolean;
  ebcgPresent: boolean;
  absenceReason: string;
  // meeting, training
  topics: string;
  // meeting, training, contact
  summary: string;
  // training (`kind` in the body)
  trainingKind: string;
  organisers: string;
  participantCount: string;
  // carrier position
  carriers: string;
  states: string[];
  position: string;
  // contact
  counterpartType: string;
  counterpart: string;
}

export function emptyActivityValues(today: string, ownState: string): ActivityFormValues {
  return {
    date: today,
    convenedBy: ownState,
    participants: ownState ? [ownState] : [],
    commissionPresent: true,
    ebcgPresent: true,
    absenceReason: '',
    topics: '',
    summary: '',
    trainingKind: '',
    organisers: '',
    participantCount: '',
    carriers: '',
    states: ownState ? [ownState] : [],
    position: '',
    counterpartType: '',
    counterpart: '',
  };
}

/** The form's fields of each kind, in the order of the form (as the server names them, but `trainingKind`). */
export const activityFields = {
  meeting: ['date', 'convenedBy', 'participants', 'commissionPresent', 'absenceReason', 'topics', 'summary'],
  training: ['date', 'trainingKind', 'organisers', 'participantCount', 'topics', 'summary'],
  carrier_position: ['date', 'carriers', 'states', 'position'],
  contact: ['date', 'counterpartType', 'counterpart', 'summary'],
} as const satisfies Record<ActivityKind, readonly (keyof ActivityFormValues)[]>;

export type ActivityField = (typeof activityFields)[ActivityKind][number];

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const codes = (value: unknown) =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
const joined = (value: unknown) => codes(value).join('\n');

/** The request body of one kind of activity. */
export function toInput(kind: ActivityKind, values: ActivityFormValues): Record<string, unknown> {
  switch (kind) {
    case 'meeting': {
      const absent = !values.commissionPresent || !values.ebcgPresent;
      const reason = values.absenceReason.trim();
      return {
        date: values.date,
        convenedBy: values.convenedBy,
        participants: values.participants,
        commissionPresent: values.commissionPresent,
        ebcgPresent: values.ebcgPresent,
        // Asked for only when one of them was absent: a reason left from before is not sent.
        ...(absent && reason ? { absenceReason: reason } : {}),
        topics: lines(values.topics),
        summary: values.summary,
      };
    }
    case 'training':
      return {
        date: values.date,
        kind: values.trainingKind,
        organisers: lines(values.organisers),
        // '' stays a string so that the schema says "enter a number" rather than counting it as 0.
        participantCount: /^\s*\d+\s*$/.test(values.participantCount)
          ? Number(values.participantCount)
          : values.participantCount,
        topics: lines(values.topics),
        summary: values.summary,
      };
    case 'carrier_position':
      return {
        date: values.date,
        carriers: lines(values.carriers),
        states: values.states,
        position: values.position,
      };
    case 'contact':
      return {
        date: values.date,
        counterpartType: values.counterpartType,
        counterpart: values.counterpart,
        summary: values.summary,
      };
  }
}

/** The form's values for a recorded activity (its `fields`, as the server keeps them). */
export function formValuesOf(kind: ActivityKind, fields: Record<string, unknown>): ActivityFormValues {
  const values = emptyActivityValues(text(fields.date), '');
  switch (kind) {
    case 'meeting':
      return {
        ...values,
        convenedBy: text(fields.convenedBy),
        participants: codes(fields.participants),
        commissionPresent: fields.commissionPresent !== false,
        ebcgPresent: fields.ebcgPresent !== false,
        absenceReason: text(fields.absenceReason),
        topics: joined(fields.topics),
        summary: text(fields.summary),
      };
    case 'training':
      return {
        ...values,
        trainingKind: text(fields.kind),
        organisers: joined(fields.organisers),
        participantCount: typeof fields.participantCount === 'number' ? String(fields.participantCount) : '',
        topics: joined(fields.topics),
        summary: text(fields.summary),
      };
    case 'carrier_position':
      return {
        ...values,
        carriers: joined(fields.carriers),
        states: codes(fields.states),
        position: text(fields.position),
      };
    case 'contact':
      return {
        ...values,
        counterpartType: text(fields.counterpartType),
        counterpart: text(fields.counterpart),
        summary: text(fields.summary),
      };
  }
}

/**
 * The form field an error path names: `participants.0` is about `participants`, `kind` (of a training)
 * is `trainingKind`; an edit's paths start with `fields.`. Undefined for a path of no field of the form.
 */
export function fieldOfPath(kind: ActivityKind, path: string): ActivityField | undefined {
  const bare = path.startsWith('fields.') ? path.slice('fields.'.length) : path;
  const [head = ''] = bare.split('.');
  const name = kind === 'training' && head === 'kind' ? 'trainingKind' : head;
  if (kind === 'meeting' && name === 'ebcgPresent') return 'commissionPresent';
  return (activityFields[kind] as readonly string[]).includes(name) ? (name as ActivityField) : undefined;
}

/** The problems of a form by field, checked with the shared schema of its kind (the first problem of each field). */
export function validateActivity(
  kind: ActivityKind,
  values: ActivityFormValues,
): { input: Record<string, unknown>; errors: Partial<Record<ActivityField, string>> } {
  const input = toInput(kind, values);
  const errors: Partial<Record<ActivityField, string>> = {};
  const result = activitySchemas[kind].safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = fieldOfPath(kind, issue.path.map(String).join('.'));
      if (field) errors[field] ??= issue.code === 'custom' ? 'custom' : issue.code;
    }
  }
  // The schema checks the absence reason only once every other field is valid (a refinement of the
  // whole object): check it at once, so that every problem is named on the first attempt.
  if (
    kind === 'meeting' &&
    (!values.commissionPresent || !values.ebcgPresent) &&
    values.absenceReason.trim() === ''
  ) {
    errors.absenceReason ??= 'custom';
  }
  return { input: result.success ? (result.data as Record<string, unknown>) : input, errors };
}

/** Activity kinds in addresses and back. */
export const pathKinds: Record<ActivityKind, ActivityPathKind> = {
  meeting: 'meeting',
  training: 'training',
  carrier_position: 'carrier-position',
  contact: 'contact',
};

export function kindOfPath(segment: string | undefined): ActivityKind | undefined {
  return activityKinds.find((kind) => pathKinds[kind] === segment);
}

export { contactCounterparts, trainingKinds };

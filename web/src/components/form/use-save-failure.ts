import { useState } from 'react';
import { ApiError } from '../../lib/api-client.ts';
import { useErrorMessage } from '../../lib/error-message.ts';
import type { FormProblem } from './FormErrorSummary.tsx';

/** Why the last save of a form was refused; `attempt` tells two refusals apart (the summary's key). */
export type SaveFailure =
  | { kind: 'invalid'; attempt: number; general: FormProblem[] }
  | { kind: 'stale'; attempt: number }
  | { kind: 'locked'; attempt: number; message: string }
  | { kind: 'other'; attempt: number; message: string };

/**
 * A form's refused saves: invalid input (the form's own check, or a 400 naming fields), a newer
 * version saved meanwhile (409 `stale_version`), a thing that can no longer change (409 with the
 * form's `lockedCode`, in the server's words), or anything else, described.
 */
export function useSaveFailure(lockedCode: string) {
  const describeError = useErrorMessage();
  const [failure, setFailure] = useState<SaveFailure | null>(null);

  /** The form's own check failed, or a 400's fields were put on the form (`general`: what no field took). */
  const invalid = (general: FormProblem[] = []) =>
    setFailure({ kind: 'invalid', attempt: Date.now(), general });

  /** A failure that is nothing but its description (the request did not get through, say). */
  const other = (error: unknown) =>
    setFailure({ kind: 'other', attempt: Date.now(), message: describeError(error) });

  /** Says why a save was refused. `onFields` puts a 400's fields on the form and returns what no field took. */
  const refused = (error: unknown, onFields: (fields: Readonly<Record<string, string>>) => FormProblem[]) => {
    const attempt = Date.now();
    if (error instanceof ApiError) {
      // The server's message says the same in English only: the page says it in the UI language.
      if (error.code === 'stale_version') return setFailure({ kind: 'stale', attempt });
      if (error.code === lockedCode) return setFailure({ kind: 'locked', attempt, message: error.message });
      if (error.code === 'invalid_request' && Object.keys(error.fields).length > 0)
        return invalid(onFields(error.fields));
    }
    other(error);
  };

  return { failure, setFailure, invalid, refused, other, clear: () => setFailure(null) };
}

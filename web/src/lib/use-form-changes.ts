import { useEffect, useRef } from 'react';
import type { FieldValues, UseFormWatch } from 'react-hook-form';

/** What react-hook-form says of a change: the field's name, and `change` when the person made it. */
export interface FormChange {
  name: string | undefined;
  /** `change` for the person's own input; undefined for the form's own resets and updates. */
  type: string | undefined;
}

/** Calls `onChange` on every change of the form's values (always the latest `onChange`, subscribed once). */
export function useFormChanges<T extends FieldValues>(
  watch: UseFormWatch<T>,
  onChange: (change: FormChange) => void,
): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    const subscription = watch((_values, { name, type }) => latest.current({ name, type }));
    return () => subscription.unsubscribe();
  }, [watch]);
}

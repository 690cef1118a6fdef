import { useCallback, useRef, useState } from 'react';

/** Where an autosaving form's saving stands, as its status line says it. */
export type AutosaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'invalid'; count: number }
  | { kind: 'failed'; message: string }
  | { kind: 'stale' };

/** Why saving has stopped until the form says otherwise: a newer version exists, or it can no longer change. */
export type SavingBlocked = 'stale' | 'locked';

interface AutosaveOptions {
  /** Saved this long after the last change. */
  delayMs: number;
  initialStatus: AutosaveStatus;
  /** Changes are waiting to be sent from the start (a draft restored from this browser). */
  initiallyPending: boolean;
  /** Sends what the form holds; true when the server then holds it all. */
  saveOnce: () => Promise<boolean>;
}

/**
 * Debounced saving with a status: `schedule` after each change saves `delayMs` after the last one,
 * `saveNow` at once (after any save under way: two never overlap), unless saving is blocked.
 */
export function useAutosave({ delayMs, initialStatus, initiallyPending, saveOnce }: AutosaveOptions) {
  const [status, setStatus] = useState<AutosaveStatus>(initialStatus);
  // Changes typed and not yet sent (waiting for the pause before saving).
  const [pending, setPending] = useState(initiallyPending);
  const blocked = useRef<SavingBlocked | null>(null);
  const running = useRef<Promise<boolean> | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const saveOnceRef = useRef(saveOnce);
  saveOnceRef.current = saveOnce;

  const cancel = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
  }, []);

  const saveNow = useCallback(async (): Promise<boolean> => {
    cancel();
    setPending(false);
    while (running.current) await running.current;
    if (blocked.current) return false;
    const attempt = saveOnceRef.current();
    running.current = attempt;
    try {
      return await attempt;
    } finally {
      running.current = null;
    }
  }, [cancel]);

  /** Saves after `ms` without a further change (the next change or `saveNow` replaces it). */
  const saveAfter = useCallback(
    (ms: number) => {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void saveNow(), ms);
    },
    [saveNow],
  );

  const schedule = useCallback(() => {
    saveAfter(delayMs);
    setPending(true);
  }, [saveAfter, delayMs]);

  return {
    status,
    setStatus,
    pending,
    saveNow,
    schedule,
    /** Tries again later, after a failure the server may recover from. */
    retryAfter: saveAfter,
    cancel,
    /** Whether a save is waiting for its moment. */
    isPending: useCallback(() => timer.current !== undefined, []),
    /** Stops saving (null resumes it). */
    block: useCallback((reason: SavingBlocked | null) => {
      blocked.current = reason;
    }, []),
  };
}

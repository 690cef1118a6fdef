import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftStore, KeptDraft } from './draft-store.ts';

/** The browser's copy is written this long after a change (and at once when the page is hidden or left). */
export const KEEP_DELAY_MS = 300;

interface DraftKeeperOptions<V> {
  store: Pick<DraftStore<V>, 'save' | 'clear'>;
  storageKey: string;
  /** The draft to keep now, or null when there is nothing the server does not have (the copy is then cleared). */
  draft: () => KeptDraft<V> | null;
  /** After each keep: what was kept, or null when the copy was cleared. */
  onKept?: (draft: KeptDraft<V> | null) => void;
}

/**
 * Keeps a form's draft in this browser: shortly after each change (`schedule`), at once on `keepNow`,
 * and whatever is still waiting when the page is hidden, left or unmounted, so that nothing typed is
 * lost. `storageRefused` says whether the browser refused the last copy (storage full or disabled).
 */
export function useDraftKeeper<V>({ store, storageKey, draft, onKept }: DraftKeeperOptions<V>) {
  // The latest of each, so that the timer and the page listeners never call a stale one.
  const latest = useRef({ store, draft, onKept });
  latest.current = { store, draft, onKept };
  const timer = useRef<number | undefined>(undefined);
  const mounted = useRef(true);
  const [storageRefused, setStorageRefused] = useState(false);

  const cancel = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
  }, []);

  const keepNow = useCallback(() => {
    cancel();
    const { store: current, draft: draftNow, onKept: kept } = latest.current;
    const next = draftNow();
    if (next) {
      const stored = current.save(storageKey, next);
      if (mounted.current) setStorageRefused(!stored);
    } else current.clear(storageKey);
    kept?.(next);
  }, [cancel, storageKey]);

  const schedule = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(keepNow, KEEP_DELAY_MS);
  }, [keepNow]);

  /** Keeps at once what is waiting to be kept, if anything. */
  const flush = useCallback(() => {
    if (timer.current !== undefined) keepNow();
  }, [keepNow]);

  useEffect(() => {
    mounted.current = true;
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
      flush();
      mounted.current = false;
    };
  }, [flush]);

  return { keepNow, schedule, cancel, flush, storageRefused };
}

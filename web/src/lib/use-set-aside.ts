import { useCallback, useRef, useState } from 'react';
import type { SetAside } from './draft-store.ts';

/**
 * The person's edits set aside after a conflict, and the version reloaded in their place (null when the
 * edits were set aside before this page, in a draft restored from this browser). `current` reads the
 * latest at once, for the draft being kept in the same event.
 */
export function useSetAside<V>(initial: SetAside<V> | null, initialReloadedVersion: number | null = null) {
  const [setAside, setState] = useState<SetAside<V> | null>(initial);
  const [reloadedVersion, setReloadedVersion] = useState<number | null>(initialReloadedVersion);
  const ref = useRef(setAside);

  /** Sets the edits aside beside the version reloaded, or (null) ends the set-aside. */
  const update = useCallback((next: SetAside<V> | null, reloaded: number | null = null) => {
    ref.current = next;
    setState(next);
    setReloadedVersion(reloaded);
  }, []);

  return { setAside, reloadedVersion, update, current: useCallback(() => ref.current, []) };
}

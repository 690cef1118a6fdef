import { type ReactNode, useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { Dialog } from '../ui/Dialog.tsx';

interface UnsavedChangesGuard {
  /** The dialog asking whether to leave; render it anywhere in the form's page. */
  dialog: ReactNode;
  /** Lets the next navigation through without asking (call it just before navigating after a save). */
  allowNavigation: () => void;
}

/**
 * Asks before leaving a page with unsaved changes: inside the app (links, back button) with a dialog,
 * and when closing or reloading the tab with the browser's own prompt. `message` says what happens to
 * the changes if the person leaves anyway.
 */
export function useUnsavedChangesGuard(when: boolean, message: string): UnsavedChangesGuard {
  const { t } = useTranslation();
  const allowed = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      when && !allowed.current && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (!when) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (allowed.current) return;
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [when]);

  const allowNavigation = useCallback(() => {
    allowed.current = true;
  }, []);

  const blocked = blocker.state === 'blocked';
  const dialog = (
    <Dialog
      open={blocked}
      title={t('form.unsaved.title')}
      onClose={() => {
        if (blocker.state === 'blocked') blocker.reset();
      }}
    >
      <p>{message}</p>
      <div className="button-row">
        <button className="button" type="button" data-autofocus onClick={() => blocker.reset?.()}>
          {t('form.unsaved.stay')}
        </button>
        <button className="button button--secondary" type="button" onClick={() => blocker.proceed?.()}>
          {t('form.unsaved.leave')}
        </button>
      </div>
    </Dialog>
  );

  return { dialog, allowNavigation };
}

import { type ReactNode, useEffect, useId, useRef } from 'react';

interface DialogProps {
  open: boolean;
  title: string;
  /** Called when the dialog closes by itself: Escape, or a form inside it with method="dialog". */
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal dialog on the native <dialog> element: the browser keeps focus inside it, makes the rest of
 * the page inert and closes it on Escape. On opening, focus goes to the element marked
 * `data-autofocus` (or the first control); on closing, back to where it was.
 */
export function Dialog({ open, title, onClose, children }: DialogProps) {
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const returnFocusTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      returnFocusTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
      element.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  const handleClose = () => {
    const target = returnFocusTo.current;
    returnFocusTo.current = null;
    // The browser usually restores focus itself; make sure, unless focus already moved elsewhere on purpose.
    if (
      target?.isConnected &&
      (document.activeElement === document.body || document.activeElement === null)
    ) {
      target.focus();
    }
    onClose();
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={titleId} onClose={handleClose}>
      {open && (
        <>
          <h2 className="dialog__title" id={titleId}>
            {title}
          </h2>
          {children}
        </>
      )}
    </dialog>
  );
}

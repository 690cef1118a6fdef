interface ConfirmButtonsProps {
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** While the confirmed action runs: both buttons wait. */
  busy: boolean;
}

/**
 * A confirmation dialog's two buttons: the action first, taking focus when the dialog opens, and the
 * way back beside it.
 */
export function ConfirmButtons({
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  busy,
}: ConfirmButtonsProps) {
  return (
    <div className="button-row">
      <button className="button" type="button" data-autofocus disabled={busy} onClick={onConfirm}>
        {confirmLabel}
      </button>
      <button className="button button--secondary" type="button" disabled={busy} onClick={onCancel}>
        {cancelLabel}
      </button>
    </div>
  );
}

/** A polite "loading" message: read out by screen readers, shown with a spinner to everyone else. */
export function LoadingState({ label }: { label: string }) {
  return (
    <p className="loading" role="status">
      <span className="loading__spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

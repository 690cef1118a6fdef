import { type ReactNode, type RefObject, useRef, useState } from 'react';

/** What became of an action taken on a page: done (with what to say), or failed (why). */
export type Outcome = { kind: 'done'; message: string } | { kind: 'failed'; title: string; message: string };

/**
 * A page's latest outcome, and `announce`, which shows one and moves focus to it: the button used may
 * be gone with the change (a notified draft has no Notify), and the message is where to carry on.
 */
export function useOutcome() {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const region = useRef<HTMLDivElement>(null);
  const announce = (next: Outcome) => {
    setOutcome(next);
    window.setTimeout(() => region.current?.focus(), 0);
  };
  return { outcome, announce, clear: () => setOutcome(null), region };
}

/** Where the outcome shows; `otherwise`, when there is none yet (a "saved" carried by the navigation). */
export function OutcomeRegion({
  outcome,
  region,
  otherwise,
}: {
  outcome: Outcome | null;
  region: RefObject<HTMLDivElement | null>;
  otherwise?: ReactNode;
}) {
  return (
    <div ref={region} tabIndex={-1} className="outcome">
      {outcome?.kind === 'done' && <SuccessNotice>{outcome.message}</SuccessNotice>}
      {outcome?.kind === 'failed' && (
        <div className="notice notice--error" role="alert">
          <h2 className="notice__title">{outcome.title}</h2>
          <p>{outcome.message}</p>
        </div>
      )}
      {!outcome && otherwise}
    </div>
  );
}

/** A short "it is done" message, announced politely. */
export function SuccessNotice({ children }: { children: ReactNode }) {
  return (
    <div className="notice notice--success" role="status">
      <p>{children}</p>
    </div>
  );
}

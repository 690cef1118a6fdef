import type { ReactNode } from 'react';

/** A short piece of information for the person, such as why they were asked to sign in again. */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="notice" role="status">
      {children}
    </div>
  );
}

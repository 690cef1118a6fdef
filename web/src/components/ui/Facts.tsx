import type { ReactNode } from 'react';

export interface Fact {
  term: string;
  value: ReactNode;
}

/** Terms and their values, as a definition list. */
export function Facts({ rows }: { rows: readonly Fact[] }) {
  return (
    <dl className="facts facts--wide">
      {rows.map(({ term, value }) => (
        <div className="facts__row" key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

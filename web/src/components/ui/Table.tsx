import type { ReactNode, Ref } from 'react';

/** A column heading; `className` aligns it with its cells (`table__number`). */
export type TableColumn = string | { label: string; className: string };

interface TableProps {
  caption: string;
  columns: readonly TableColumn[];
  /** The rows, each with its row heading (`<th scope="row">`) first. */
  children: ReactNode;
  compact?: boolean;
  bodyRef?: Ref<HTMLTableSectionElement>;
}

/** A data table with its caption and column headings, scrolling sideways on narrow screens. */
export function Table({ caption, columns, children, compact = false, bodyRef }: TableProps) {
  return (
    <div className="table-scroll">
      <table className={compact ? 'table table--compact' : 'table'}>
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) =>
              typeof column === 'string' ? (
                <th scope="col" key={column}>
                  {column}
                </th>
              ) : (
                <th scope="col" key={column.label} className={column.className}>
                  {column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody ref={bodyRef}>{children}</tbody>
      </table>
    </div>
  );
}

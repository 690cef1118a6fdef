import type { ReactNode, Ref } from 'react';

/**
 * A column heading; `className` aligns it with its cells (`table__number`); `hidden` keeps it for
 * screen readers only (a column of buttons needs no visible heading).
 */
export type TableColumn = string | { label: string; className?: string; hidden?: boolean };

interface TableProps {
  caption: string;
  columns: readonly TableColumn[];
  /** The rows, each with its row heading (`<th scope="row">`) first. */
  children: ReactNode;
  compact?: boolean;
  /** For screen readers only, where the section's heading already says what the table holds. */
  captionHidden?: boolean;
  bodyRef?: Ref<HTMLTableSectionElement>;
}

/** A data table with its caption and column headings, scrolling sideways on narrow screens. */
export function Table({
  caption,
  columns,
  children,
  compact = false,
  captionHidden = false,
  bodyRef,
}: TableProps) {
  return (
    <div className="table-scroll">
      <table className={compact ? 'table table--compact' : 'table'}>
        <caption className={captionHidden ? 'visually-hidden' : 'table__caption'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) =>
              typeof column === 'string' ? (
                <th scope="col" key={column}>
                  {column}
                </th>
              ) : (
                <th scope="col" key={column.label} className={column.className}>
                  {column.hidden ? <span className="visually-hidden">{column.label}</span> : column.label}
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

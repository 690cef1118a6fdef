import { type ReactNode, useEffect, useRef } from 'react';
import { Page } from '../layout/Page.tsx';
import { type Loadable, QueryResult } from '../ui/QueryResult.tsx';

interface ListPageProps<Data> {
  title: string;
  intro: string;
  /** Beside the intro: the page's main action (a "New …" link) or a link to a related list. */
  action?: ReactNode;
  /** Between the intro and the list: views, filters. */
  controls?: ReactNode;
  list: Loadable<Data>;
  loading: string;
  loadFailed: string;
  /** The list itself (a table and its ListCount), once loaded. */
  children: (data: Data) => ReactNode;
  /** After the list, whether or not it loaded. */
  footer?: ReactNode;
}

/** A list page: its title and intro, its controls, then the list once loaded (or why it is not). */
export function ListPage<Data>({
  title,
  intro,
  action,
  controls,
  list,
  loading,
  loadFailed,
  children,
  footer,
}: ListPageProps<Data>) {
  return (
    <Page title={title}>
      {action ? (
        <div className="page-intro">
          <p>{intro}</p>
          {action}
        </div>
      ) : (
        <p>{intro}</p>
      )}
      {controls}
      <QueryResult query={list} loading={loading} loadFailed={loadFailed}>
        {children}
      </QueryResult>
      {footer}
    </Page>
  );
}

interface ListCountProps {
  /** How many are shown, or why none are ("No secondment matches"). */
  text: string;
  /** The rows of the table: after "Load more", focus moves to the first row just loaded. */
  rows?: { current: HTMLTableSectionElement | null };
  shown?: number;
  /** There are more to load: "Load more" is offered. */
  more?: { loading: boolean; load: () => Promise<unknown>; label: string; loadingLabel: string };
}

/**
 * A list's count line (a status message, so that a changed count is announced) and, while there are
 * more, its "Load more" button. After loading more, focus moves to the first new row, so keyboard
 * users carry on from there; when the batch brought none (filters apply after reading), to the count.
 */
export function ListCount({ text, rows, shown = 0, more }: ListCountProps) {
  const count = useRef<HTMLParagraphElement>(null);
  const focusRow = useRef<number | null>(null);

  useEffect(() => {
    const index = focusRow.current;
    if (index === null || shown <= index) return;
    focusRow.current = null;
    rows?.current?.rows[index]?.querySelector<HTMLElement>('a')?.focus();
  }, [shown, rows]);

  const loadMore = async (load: () => Promise<unknown>) => {
    const before = shown;
    focusRow.current = before;
    await load();
    window.setTimeout(() => {
      if (focusRow.current === before) {
        focusRow.current = null;
        count.current?.focus();
      }
    }, 0);
  };

  return (
    <>
      <p className="list-count" ref={count} tabIndex={-1} role="status">
        {text}
      </p>
      {more && (
        <button
          className="button button--secondary"
          type="button"
          disabled={more.loading}
          onClick={() => void loadMore(more.load)}
        >
          {more.loading ? more.loadingLabel : more.label}
        </button>
      )}
    </>
  );
}

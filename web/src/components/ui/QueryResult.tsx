import type { ReactNode } from 'react';
import { LoadError } from './ErrorState.tsx';
import { LoadingState } from './LoadingState.tsx';

/** What QueryResult reads of a query (TanStack Query's result has it). */
export interface Loadable<Data> {
  data: Data | undefined;
  error: unknown;
  refetch: () => unknown;
}

interface QueryResultProps<Data> {
  query: Loadable<Data>;
  /** Said while it loads. */
  loading: string;
  /** The title of the failure, which offers "Try again" (a refusal reads as not allowed instead). */
  loadFailed: string;
  children: (data: Data) => ReactNode;
}

/**
 * The data of a page part once it is there: until then a loading message, and a failure (also of a
 * later refetch) with what went wrong and "Try again", or that it is not allowed.
 */
export function QueryResult<Data>({ query, loading, loadFailed, children }: QueryResultProps<Data>) {
  if (query.error) {
    return <LoadError title={loadFailed} error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (query.data === undefined) return <LoadingState label={loading} />;
  return children(query.data);
}

import type { ReactNode } from 'react';
import { useErrorMessage } from '../../lib/error-message.ts';
import { ErrorState } from './ErrorState.tsx';
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
  /** The title of the failure, which offers "Try again". */
  loadFailed: string;
  children: (data: Data) => ReactNode;
}

/**
 * The data of a page part once it is there: until then a loading message, and a failure (also of a
 * later refetch) with what went wrong and "Try again".
 */
export function QueryResult<Data>({ query, loading, loadFailed, children }: QueryResultProps<Data>) {
  const describeError = useErrorMessage();
  if (query.error) {
    return (
      <ErrorState
        title={loadFailed}
        message={describeError(query.error)}
        onRetry={() => void query.refetch()}
      />
    );
  }
  if (query.data === undefined) return <LoadingState label={loading} />;
  return children(query.data);
}

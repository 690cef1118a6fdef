import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '#shared/api/endpoints.ts';
import { callEndpoint } from '../../../lib/api-client.ts';
import type { EndpointBody, EndpointResult, QueryParams } from '../../../lib/endpoint-request.ts';

export type Arrangement = EndpointResult<typeof endpoints.getArrangement>;
export type ArrangementInput = EndpointBody<typeof endpoints.proposeArrangement>;
export type ArrangementFilter = QueryParams<typeof endpoints.listArrangements.query>;

/**
 * Query keys: everything under `arrangements`. A network page shows the arrangements in force too, so a
 * change also refreshes the networks (`networks`), which this feature names without importing.
 */
export const arrangementKeys = {
  all: ['arrangements'] as const,
  lists: () => [...arrangementKeys.all, 'list'] as const,
  list: (filter: ArrangementFilter) => [...arrangementKeys.lists(), filter] as const,
  detail: (id: string) => [...arrangementKeys.all, 'detail', id] as const,
};
const networksKey = ['networks'] as const;

export function useArrangementList(filter: ArrangementFilter) {
  return useQuery({
    queryKey: arrangementKeys.list(filter),
    queryFn: ({ signal }) => callEndpoint(endpoints.listArrangements, { query: filter, signal }),
  });
}

export function arrangementQuery(id: string) {
  return queryOptions({
    queryKey: arrangementKeys.detail(id),
    queryFn: ({ signal }) => callEndpoint(endpoints.getArrangement, { path: { id }, signal }),
  });
}

export function useArrangement(id: string) {
  return useQuery(arrangementQuery(id));
}

/** After any change: the answer is the arrangement as it now is; lists and network pages are read again. */
function useRecordChange() {
  const queryClient = useQueryClient();
  return (arrangement: Arrangement) => {
    queryClient.setQueryData(arrangementKeys.detail(arrangement.id), arrangement);
    void queryClient.invalidateQueries({ queryKey: arrangementKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: networksKey });
  };
}

export function useProposeArrangement() {
  const recordChange = useRecordChange();
  return useMutation({
    mutationFn: (input: ArrangementInput) => callEndpoint(endpoints.proposeArrangement, { body: input }),
    onSuccess: recordChange,
  });
}

export type ArrangementAction = 'accept' | 'withdraw';

/** Accept (for the caller's state) or withdraw: `POST /api/arrangements/{id}/{action}` with the version read. */
export function useArrangementAction(id: string) {
  const recordChange = useRecordChange();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, version }: { action: ArrangementAction; version: number }) =>
      callEndpoint(action === 'accept' ? endpoints.acceptArrangement : endpoints.withdrawArrangement, {
        path: { id },
        body: { version },
      }),
    onSuccess: recordChange,
    // A refusal (someone else acted meanwhile) means the page is out of date.
    onError: () => queryClient.invalidateQueries({ queryKey: arrangementKeys.detail(id) }),
  });
}

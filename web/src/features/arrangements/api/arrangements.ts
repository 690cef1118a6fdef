import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { arrangementListSchema, arrangementRecordSchema, type arrangementSchema } from '#shared/networks.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type Arrangement = z.output<typeof arrangementRecordSchema>;
export type ArrangementInput = z.input<typeof arrangementSchema>;

export interface ArrangementFilter {
  hostCountry?: string | undefined;
  state?: string | undefined;
}

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

const arrangementApiPath = (id: string) => `/arrangements/${encodeURIComponent(id)}`;

export function useArrangementList(filter: ArrangementFilter) {
  return useQuery({
    queryKey: arrangementKeys.list(filter),
    queryFn: ({ signal }) => {
      const query = new URLSearchParams();
      if (filter.hostCountry) query.set('hostCountry', filter.hostCountry);
      if (filter.state) query.set('state', filter.state);
      const search = query.toString();
      return apiRequest(search ? `/arrangements?${search}` : '/arrangements', {
        schema: arrangementListSchema,
        signal,
      });
    },
  });
}

export function arrangementQuery(id: string) {
  return queryOptions({
    queryKey: arrangementKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(arrangementApiPath(id), { schema: arrangementRecordSchema, signal }),
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
    mutationFn: (input: ArrangementInput) =>
      apiRequest('/arrangements', { method: 'POST', body: input, schema: arrangementRecordSchema }),
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
      apiRequest(`${arrangementApiPath(id)}/${action}`, {
        method: 'POST',
        body: { version },
        schema: arrangementRecordSchema,
      }),
    onSuccess: recordChange,
    // A refusal (someone else acted meanwhile) means the page is out of date.
    onError: () => queryClient.invalidateQueries({ queryKey: arrangementKeys.detail(id) }),
  });
}

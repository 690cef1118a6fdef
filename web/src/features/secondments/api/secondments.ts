import { queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type Secondment,
  type SecondmentFields,
  type SecondmentPhase,
  type SecondmentStatus,
  secondmentHistorySchema,
  secondmentListSchema,
  secondmentSchema,
} from '#shared/secondments.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** The filters of `GET /api/secondments` this app uses. */
export interface SecondmentListFilter {
  hostCountry?: string | undefined;
  state?: string | undefined;
  status?: SecondmentStatus | undefined;
  phase?: SecondmentPhase | undefined;
}

export const PAGE_SIZE = 25;

/**
 * Query keys: everything under `secondments`, so that a change can refresh every list at once while
 * the secondment itself is set from the answer.
 */
export const secondmentKeys = {
  all: ['secondments'] as const,
  lists: () => [...secondmentKeys.all, 'list'] as const,
  list: (filter: SecondmentListFilter) => [...secondmentKeys.lists(), filter] as const,
  detail: (id: string) => [...secondmentKeys.all, 'detail', id] as const,
  history: (id: string) => [...secondmentKeys.all, 'history', id] as const,
};

function listPath(filter: SecondmentListFilter, cursor: string | null): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value) query.set(name, value);
  query.set('limit', String(PAGE_SIZE));
  if (cursor) query.set('cursor', cursor);
  return `/secondments?${query}`;
}

const secondmentPath = (id: string) => `/secondments/${encodeURIComponent(id)}`;

/** One page after the other ("Load more"), following `nextCursor`. */
export function useSecondmentList(filter: SecondmentListFilter, enabled = true) {
  return useInfiniteQuery({
    queryKey: secondmentKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      apiRequest(listPath(filter, pageParam), { schema: secondmentListSchema, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled,
  });
}

export function secondmentQuery(id: string) {
  return queryOptions({
    queryKey: secondmentKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(secondmentPath(id), { schema: secondmentSchema, signal }),
  });
}

export function useSecondment(id: string) {
  return useQuery(secondmentQuery(id));
}

export function useSecondmentHistory(id: string) {
  return useQuery({
    queryKey: secondmentKeys.history(id),
    queryFn: ({ signal }) =>
      apiRequest(`${secondmentPath(id)}/history`, { schema: secondmentHistorySchema, signal }),
  });
}

/** After any change: the answer is the secondment as it now is; lists and history are read again. */
function useRecordChange() {
  const queryClient = useQueryClient();
  return (secondment: Secondment) => {
    queryClient.setQueryData(secondmentKeys.detail(secondment.id), secondment);
    void queryClient.invalidateQueries({ queryKey: secondmentKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: secondmentKeys.history(secondment.id) });
  };
}

export function useCreateSecondment() {
  const recordChange = useRecordChange();
  return useMutation({
    mutationFn: (fields: SecondmentFields) =>
      apiRequest('/secondments', { method: 'POST', body: fields, schema: secondmentSchema }),
    onSuccess: recordChange,
  });
}

export function useUpdateSecondment(id: string) {
  const recordChange = useRecordChange();
  return useMutation({
    mutationFn: (update: SecondmentFields & { version: number }) =>
      apiRequest(secondmentPath(id), { method: 'PUT', body: update, schema: secondmentSchema }),
    onSuccess: recordChange,
  });
}

export type SecondmentTransition =
  | { action: 'notify'; version: number }
  | { action: 'withdraw'; version: number }
  | { action: 'end'; version: number; endDate: string };

/** Notify, end or withdraw: `POST /api/secondments/{id}/{action}` with the version read. */
export function useSecondmentTransition(id: string) {
  const recordChange = useRecordChange();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...body }: SecondmentTransition) =>
      apiRequest(`${secondmentPath(id)}/${action}`, { method: 'POST', body, schema: secondmentSchema }),
    onSuccess: recordChange,
    // A refusal (someone else changed it, or it can no longer be changed) means the page is out of date.
    onError: () => queryClient.invalidateQueries({ queryKey: secondmentKeys.detail(id) }),
  });
}

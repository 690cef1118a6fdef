import { queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '#shared/api/endpoints.ts';
import type { Secondment, SecondmentFields, SecondmentPhase, SecondmentStatus } from '#shared/secondments.ts';
import { callEndpoint } from '../../../lib/api-client.ts';
import type { EndpointBody } from '../../../lib/endpoint-request.ts';

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

/** One page after the other ("Load more"), following `nextCursor`. */
export function useSecondmentList(filter: SecondmentListFilter, enabled = true) {
  return useInfiniteQuery({
    queryKey: secondmentKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      callEndpoint(endpoints.listSecondments, {
        query: { ...filter, limit: PAGE_SIZE, cursor: pageParam ?? undefined },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled,
  });
}

export function secondmentQuery(id: string) {
  return queryOptions({
    queryKey: secondmentKeys.detail(id),
    queryFn: ({ signal }) => callEndpoint(endpoints.getSecondment, { path: { id }, signal }),
  });
}

export function useSecondment(id: string) {
  return useQuery(secondmentQuery(id));
}

export function useSecondmentHistory(id: string) {
  return useQuery({
    queryKey: secondmentKeys.history(id),
    queryFn: ({ signal }) => callEndpoint(endpoints.secondmentHistory, { path: { id }, signal }),
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
    mutationFn: (fields: SecondmentFields) => callEndpoint(endpoints.createSecondment, { body: fields }),
    onSuccess: recordChange,
  });
}

export function useUpdateSecondment(id: string) {
  const recordChange = useRecordChange();
  return useMutation({
    mutationFn: (update: SecondmentFields & { version: number }) =>
      callEndpoint(endpoints.updateSecondment, { path: { id }, body: update }),
    onSuccess: recordChange,
  });
}

export type SecondmentTransition =
  | ({ action: 'notify' } & EndpointBody<typeof endpoints.notifySecondment>)
  | ({ action: 'withdraw' } & EndpointBody<typeof endpoints.withdrawSecondment>)
  | ({ action: 'end' } & EndpointBody<typeof endpoints.endSecondment>);

function transitionSecondment(id: string, request: SecondmentTransition): Promise<Secondment> {
  const path = { id };
  switch (request.action) {
    case 'notify':
      return callEndpoint(endpoints.notifySecondment, { path, body: { version: request.version } });
    case 'withdraw':
      return callEndpoint(endpoints.withdrawSecondment, { path, body: { version: request.version } });
    case 'end':
      return callEndpoint(endpoints.endSecondment, {
        path,
        body: { version: request.version, endDate: request.endDate },
      });
  }
}

/** Notify, end or withdraw: `POST /api/secondments/{id}/{action}` with the version read. */
export function useSecondmentTransition(id: string) {
  const recordChange = useRecordChange();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SecondmentTransition) => transitionSecondment(id, request),
    onSuccess: recordChange,
    // A refusal (someone else changed it, or it can no longer be changed) means the page is out of date.
    onError: () => queryClient.invalidateQueries({ queryKey: secondmentKeys.detail(id) }),
  });
}

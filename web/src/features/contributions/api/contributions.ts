import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '#shared/api/endpoints.ts';
import type { Contribution } from '#shared/contributions.ts';
import { callEndpoint } from '../../../lib/api-client.ts';
import type { EndpointBody, PathParams } from '../../../lib/endpoint-request.ts';

/** Which contribution: a state's, to one network, in one semester. */
export interface ContributionRef {
  semester: string;
  networkId: string;
  state: string;
}

export const contributionKeys = {
  all: ['contributions'] as const,
  outstanding: () => [...contributionKeys.all, 'outstanding'] as const,
  detail: ({ semester, networkId, state }: ContributionRef) =>
    [...contributionKeys.all, 'detail', semester, networkId, state] as const,
};

function contributionPath({
  semester,
  networkId,
  state,
}: ContributionRef): PathParams<typeof endpoints.getContribution> {
  return { id: semester, net: networkId, state };
}

export function contributionQuery(ref: ContributionRef) {
  return queryOptions({
    queryKey: contributionKeys.detail(ref),
    queryFn: ({ signal }) => callEndpoint(endpoints.getContribution, { path: contributionPath(ref), signal }),
    // Read afresh on each visit (not kept once the page is left); the form keeps its own copy once open,
    // so no background refetch replaces what is being typed.
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
}

export function useContribution(ref: ContributionRef) {
  return useQuery(contributionQuery(ref));
}

/** The caller's state's contributions still to submit this semester (`GET /api/contributions/outstanding`). */
export const outstandingContributionsQuery = queryOptions({
  queryKey: contributionKeys.outstanding(),
  queryFn: ({ signal }) => callEndpoint(endpoints.outstandingContributions, { signal }),
  staleTime: 30_000,
});

export function useOutstandingContributions(enabled: boolean) {
  return useQuery({ ...outstandingContributionsQuery, enabled });
}

/** After any change: the answer is the contribution as it now is; the outstanding list is read again. */
function useRecordChange() {
  const queryClient = useQueryClient();
  return (contribution: Contribution) => {
    queryClient.setQueryData(contributionKeys.detail(contribution), contribution);
    void queryClient.invalidateQueries({ queryKey: contributionKeys.outstanding() });
  };
}

/** `PUT …/contributions/{state}`: save the draft, with the version read (0 before the first save). */
export function useSaveContribution(ref: ContributionRef) {
  const recordChange = useRecordChange();
  return useMutation({
    mutationFn: (body: EndpointBody<typeof endpoints.saveContribution>) =>
      callEndpoint(endpoints.saveContribution, { path: contributionPath(ref), body }),
    onSuccess: recordChange,
  });
}

/** `POST …/submit` or `…/reopen`, with the version read. */
export function useContributionTransition(ref: ContributionRef) {
  const recordChange = useRecordChange();
  return useMutation({
    mutationFn: ({ action, version }: { action: 'submit' | 'reopen'; version: number }) =>
      callEndpoint(action === 'submit' ? endpoints.submitContribution : endpoints.reopenContribution, {
        path: contributionPath(ref),
        body: { version },
      }),
    onSuccess: recordChange,
  });
}

import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type Contribution,
  type ContributionValues,
  contributionSchema,
  outstandingSchema,
} from '#shared/contributions.ts';
import { apiRequest } from '../../../lib/api-client.ts';

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

function contributionApiPath({ semester, networkId, state }: ContributionRef): string {
  const part = encodeURIComponent;
  return `/semesters/${part(semester)}/networks/${part(networkId)}/contributions/${part(state)}`;
}

export function contributionQuery(ref: ContributionRef) {
  return queryOptions({
    queryKey: contributionKeys.detail(ref),
    queryFn: ({ signal }) => apiRequest(contributionApiPath(ref), { schema: contributionSchema, signal }),
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
export function useOutstandingContributions(enabled: boolean) {
  return useQuery({
    queryKey: contributionKeys.outstanding(),
    queryFn: ({ signal }) => apiRequest('/contributions/outstanding', { schema: outstandingSchema, signal }),
    enabled,
    staleTime: 30_000,
  });
}

/** After any change: the answer is the contribution as it now is; the outstanding list is read again. */
function useRecordChange() {
  const queryClient = useQueryClient();
  return (contribution: Contribution) => {
    queryClient.setQueryData(contributionKeys.detail(contribution), contribution);
    void queryClient.invalidateQueries({ queryKey: contributionKeys.outstanding() });
  };
}

export interface SaveRequest {
  templateVersion: number;
  /** The version read (0 before the first save). */
  version: number;
  values: ContributionValues;
}

/** `PUT …/contributions/{state}`: save the draft. */
export function useSaveContribution(ref: ContributionRef) {
  const recordChange = useRecordChange();
  return useMutation({
    mutationFn: (body: SaveRequest) =>
      apiRequest(contributionApiPath(ref), { method: 'PUT', body, schema: contributionSchema }),
    onSuccess: recordChange,
  });
}

/** `POST …/submit` or `…/reopen`, with the version read. */
export function useContributionTransition(ref: ContributionRef) {
  const recordChange = useRecordChange();
  return useMutation({
    mutationFn: ({ action, version }: { action: 'submit' | 'reopen'; version: number }) =>
      apiRequest(`${contributionApiPath(ref)}/${action}`, {
        method: 'POST',
        body: { version },
        schema: contributionSchema,
      }),
    onSuccess: recordChange,
  });
}

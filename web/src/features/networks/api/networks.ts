import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '#shared/api/endpoints.ts';
import { type ActivityKind, activitySchemas } from '#shared/networks.ts';
import { callEndpoint } from '../../../lib/api-client.ts';
import type { EndpointBody, EndpointResult } from '../../../lib/endpoint-request.ts';
import { regionsQueryKey } from '../../../lib/regions.ts';

export type Network = EndpointResult<typeof endpoints.getNetwork>;
export type NetworkSummary = EndpointResult<typeof endpoints.listNetworks>['items'][number];
export type Activity = EndpointResult<typeof endpoints.recordMeeting>;

/** Query keys: everything under `networks`, so that one change can refresh every network view at once. */
export const networkKeys = {
  all: ['networks'] as const,
  list: () => [...networkKeys.all, 'list'] as const,
  detail: (id: string, semester: string) => [...networkKeys.all, 'detail', id, semester] as const,
};

/**
 * Records one activity of each kind (`POST /api/networks/{id}/{meetings|trainings|carrier-positions|contacts}`).
 * The form hands over the values its kind's schema accepted; parsing them with that schema again
 * gives them the type of the endpoint's body.
 */
const recordActivity: Record<
  ActivityKind,
  (id: string, input: Record<string, unknown>) => Promise<Activity>
> = {
  meeting: (id, input) =>
    callEndpoint(endpoints.recordMeeting, { path: { id }, body: activitySchemas.meeting.parse(input) }),
  training: (id, input) =>
    callEndpoint(endpoints.recordTraining, { path: { id }, body: activitySchemas.training.parse(input) }),
  carrier_position: (id, input) =>
    callEndpoint(endpoints.recordCarrierPosition, {
      path: { id },
      body: activitySchemas.carrier_position.parse(input),
    }),
  contact: (id, input) =>
    callEndpoint(endpoints.recordContact, { path: { id }, body: activitySchemas.contact.parse(input) }),
};

export function useNetworkList() {
  return useQuery({
    queryKey: networkKeys.list(),
    queryFn: ({ signal }) => callEndpoint(endpoints.listNetworks, { signal }),
  });
}

export function networkQuery(id: string, semester: string) {
  return queryOptions({
    queryKey: networkKeys.detail(id, semester),
    queryFn: ({ signal }) =>
      callEndpoint(endpoints.getNetwork, { path: { id }, query: { semester }, signal }),
  });
}

export function useNetwork(id: string, semester: string | undefined) {
  return useQuery({ ...networkQuery(id, semester ?? ''), enabled: semester !== undefined });
}

export function useRecordActivity(networkId: string, kind: ActivityKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) => recordActivity[kind](networkId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: networkKeys.all }),
  });
}

/** `PUT .../semesters/{semester}/activities/{activityId}` with the version read (the recording state only). */
export function useUpdateActivity(networkId: string, semester: string, activityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EndpointBody<typeof endpoints.updateActivity>) =>
      callEndpoint(endpoints.updateActivity, { path: { id: networkId, semester, activityId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: networkKeys.all }),
  });
}

export type DesignationMode = 'acting' | 'reassign';

/** Designates the state acting for the Presidency, or (the Commission) reassigns the drafting state. */
export function useDesignation(networkId: string, semester: string, mode: DesignationMode) {
  const queryClient = useQueryClient();
  const endpoint = mode === 'acting' ? endpoints.designateActingState : endpoints.reassignDraftingState;
  return useMutation({
    mutationFn: (body: EndpointBody<typeof endpoint>) =>
      callEndpoint(endpoint, { path: { id: networkId, semester }, body }),
    onSuccess: (network) => {
      queryClient.setQueryData(networkKeys.detail(networkId, semester), network);
    },
    // A refusal (a change meanwhile, a closed semester) means the page is out of date.
    onError: () => queryClient.invalidateQueries({ queryKey: networkKeys.detail(networkId, semester) }),
  });
}

/** `PUT /api/regional-networks/{id}`: create (version 0) or change a regional network. */
export function useSaveRegion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & EndpointBody<typeof endpoints.saveRegion>) =>
      callEndpoint(endpoints.saveRegion, { path: { id }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: regionsQueryKey });
      return queryClient.invalidateQueries({ queryKey: networkKeys.all });
    },
  });
}

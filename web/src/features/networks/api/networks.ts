import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type ActivityKind,
  activityRecordSchema,
  networkListSchema,
  networkSchema,
  regionListSchema,
  regionSchema,
} from '#shared/networks.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type Network = z.output<typeof networkSchema>;
export type NetworkSummary = z.output<typeof networkListSchema>['items'][number];
export type Activity = z.output<typeof activityRecordSchema>;
export type Region = z.output<typeof regionSchema>;

/** Query keys: everything under `networks`, so that one change can refresh every network view at once. */
export const networkKeys = {
  all: ['networks'] as const,
  list: () => [...networkKeys.all, 'list'] as const,
  regions: () => [...networkKeys.all, 'regions'] as const,
  detail: (id: string, semester: string) => [...networkKeys.all, 'detail', id, semester] as const,
};

const networkApiPath = (id: string) => `/networks/${encodeURIComponent(id)}`;

/** The API path that records each kind of activity. */
const recordPaths: Record<ActivityKind, string> = {
  meeting: 'meetings',
  training: 'trainings',
  carrier_position: 'carrier-positions',
  contact: 'contacts',
};

export function useNetworkList() {
  return useQuery({
    queryKey: networkKeys.list(),
    queryFn: ({ signal }) => apiRequest('/networks', { schema: networkListSchema, signal }),
  });
}

export function networkQuery(id: string, semester: string) {
  return queryOptions({
    queryKey: networkKeys.detail(id, semester),
    queryFn: ({ signal }) =>
      apiRequest(`${networkApiPath(id)}?semester=${encodeURIComponent(semester)}`, {
        schema: networkSchema,
        signal,
      }),
  });
}

export function useNetwork(id: string, semester: string | undefined) {
  return useQuery({ ...networkQuery(id, semester ?? ''), enabled: semester !== undefined });
}

export function useRegions(enabled: boolean) {
  return useQuery({
    queryKey: networkKeys.regions(),
    queryFn: ({ signal }) => apiRequest('/regional-networks', { schema: regionListSchema, signal }),
    enabled,
  });
}

/** `POST /api/networks/{id}/{meetings|trainings|carrier-positions|contacts}`. */
export function useRecordActivity(networkId: string, kind: ActivityKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) =>
      apiRequest(`${networkApiPath(networkId)}/${recordPaths[kind]}`, {
        method: 'POST',
        body,
        schema: activityRecordSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: networkKeys.all }),
  });
}

/** `PUT .../semesters/{semester}/activities/{activityId}` with the version read (the recording state only). */
export function useUpdateActivity(networkId: string, semester: string, activityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; fields: unknown }) =>
      apiRequest(
        `${networkApiPath(networkId)}/semesters/${encodeURIComponent(semester)}/activities/${encodeURIComponent(activityId)}`,
        { method: 'PUT', body, schema: activityRecordSchema },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: networkKeys.all }),
  });
}

export type DesignationMode = 'acting' | 'reassign';

/** Designates the state acting for the Presidency, or (the Commission) reassigns the drafting state. */
export function useDesignation(networkId: string, semester: string, mode: DesignationMode) {
  const queryClient = useQueryClient();
  const path = mode === 'acting' ? 'acting-state' : 'drafting-state';
  return useMutation({
    mutationFn: (body: { state: string; version: number }) =>
      apiRequest(`${networkApiPath(networkId)}/semesters/${encodeURIComponent(semester)}/${path}`, {
        method: 'PUT',
        body,
        schema: networkSchema,
      }),
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
    mutationFn: ({ id, ...body }: { id: string; name: string; hostCountries: string[]; version: number }) =>
      apiRequest(`/regional-networks/${encodeURIComponent(id)}`, {
        method: 'PUT',
        body,
        schema: regionSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: networkKeys.all }),
  });
}

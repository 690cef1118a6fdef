import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '#shared/api/endpoints.ts';
import type { Person } from '#shared/people.ts';
import { callEndpoint } from '../../../lib/api-client.ts';
import type { EndpointBody } from '../../../lib/endpoint-request.ts';
import { meQueryKey } from '../../../lib/me.ts';

export type { Person } from '#shared/people.ts';
export type NewPerson = EndpointBody<typeof endpoints.createPerson>;
export type PersonChange = EndpointBody<typeof endpoints.updatePerson>;
export type PreferencesChange = EndpointBody<typeof endpoints.updatePreferences>;

/** Query keys: every list of people under `people`. */
export const peopleKeys = {
  all: ['people'] as const,
  list: (organisation: string) => [...peopleKeys.all, 'list', organisation] as const,
};

const PAGE_SIZE = 100;

/** `GET /api/people?organisation=`: the people of one organisation, a page at a time (asked only when `enabled`). */
export function usePeopleList(organisation: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: peopleKeys.list(organisation),
    queryFn: ({ pageParam, signal }) =>
      callEndpoint(endpoints.listPeople, {
        query: { organisation, limit: PAGE_SIZE, cursor: pageParam ?? undefined },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled,
  });
}

/** After any change, or a refusal that means the list is out of date: the lists are read again. */
function useRefreshPeople() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: peopleKeys.all });
}

export function useInvitePerson() {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: (input: NewPerson) => callEndpoint(endpoints.createPerson, { body: input }),
    onSuccess: refresh,
  });
}

export function useUpdatePerson() {
  const refresh = useRefreshPeople();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: PersonChange }) =>
      callEndpoint(endpoints.updatePerson, { path: { id }, body: change }),
    // The person changed may be the one signed in (their own name, say): `me` is read again too.
    onSettled: () => Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: meQueryKey })]),
  });
}

export type PersonStatusAction = 'disable' | 'enable';

/** `POST /api/people/{id}/disable` or `/enable`, with the version read. */
export function usePersonStatusAction() {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: ({ action, person }: { action: PersonStatusAction; person: Person }) =>
      callEndpoint(action === 'disable' ? endpoints.disablePerson : endpoints.enablePerson, {
        path: { id: person.id },
        body: { version: person.version },
      }),
    onSettled: refresh,
  });
}

/** `PUT /api/me/preferences`: the answer is who is signed in, as now stored. */
export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: PreferencesChange) => callEndpoint(endpoints.updatePreferences, { body: change }),
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}

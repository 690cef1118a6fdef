import { queryOptions, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { callEndpoint } from './api-client.ts';
import { loadEndpoints } from './endpoints.ts';
import { type NamedOption, useCountryOptions } from './name-lists.ts';

/** Reference data every feature reads (`GET /api/reference`): states, host countries, semesters. */
export const referenceQueryKey = ['reference'] as const;

/** The query, for the signed-in routes' loader (app/router.tsx) as for the hooks. */
export const referenceQuery = queryOptions({
  queryKey: referenceQueryKey,
  queryFn: async ({ signal }) => callEndpoint((await loadEndpoints()).reference, { signal }),
  // Changes only when the Commission corrects the calendar: re-read every ten minutes at most.
  staleTime: 10 * 60_000,
});

export function useReference() {
  return useQuery(referenceQuery);
}

/** The reference data, on a page under the signed-in routes: their loader has read it already. */
export function useSignedInReference() {
  return useSuspenseQuery(referenceQuery).data;
}

/** The host countries of the reference data as picker options, named and sorted in the UI language. */
export function useHostCountryOptions(): NamedOption[] {
  const reference = useSignedInReference();
  const codes = useMemo(() => reference.hostCountries.map((country) => country.code), [reference]);
  return useCountryOptions(codes);
}

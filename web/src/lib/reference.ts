import { useQuery } from '@tanstack/react-query';
import { callEndpoint } from './api-client.ts';
import { loadEndpoints } from './endpoints.ts';

/** Reference data every feature reads (`GET /api/reference`): states, host countries, semesters. */
export const referenceQueryKey = ['reference'] as const;

export function useReference() {
  return useQuery({
    queryKey: referenceQueryKey,
    queryFn: async ({ signal }) => callEndpoint((await loadEndpoints()).reference, { signal }),
    // Changes only when the Commission corrects the calendar: re-read every ten minutes at most.
    staleTime: 10 * 60_000,
  });
}

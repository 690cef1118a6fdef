import { useQuery } from '@tanstack/react-query';
import { referenceSchema } from '#shared/api/schemas.ts';
import { apiRequest } from './api-client.ts';

/** Reference data every feature reads (`GET /api/reference`): states, host countries, semesters. */
export const referenceQueryKey = ['reference'] as const;

export function useReference() {
  return useQuery({
    queryKey: referenceQueryKey,
    queryFn: ({ signal }) => apiRequest('/reference', { schema: referenceSchema, signal }),
    // Changes only when the Commission corrects the calendar: re-read every ten minutes at most.
    staleTime: 10 * 60_000,
  });
}

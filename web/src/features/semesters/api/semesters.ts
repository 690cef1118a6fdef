import { useQuery } from '@tanstack/react-query';
import { endpoints } from '#shared/api/endpoints.ts';
import { callEndpoint } from '../../../lib/api-client.ts';
import { semesterKeys } from '../../../lib/semesters.ts';

/** One semester, with each network's expected and received contributions (`GET /api/semesters/{id}`). */
export function useSemester(id: string) {
  return useQuery({
    queryKey: semesterKeys.detail(id),
    queryFn: ({ signal }) => callEndpoint(endpoints.getSemester, { path: { id }, signal }),
    // Contributions arrive from every state: read again on each visit.
    staleTime: 0,
  });
}

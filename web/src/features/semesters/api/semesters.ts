import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { semesterDetailSchema, semesterListSchema } from '#shared/contributions.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export const semesterKeys = {
  all: ['semesters'] as const,
  list: () => [...semesterKeys.all, 'list'] as const,
  detail: (id: string) => [...semesterKeys.all, 'detail', id] as const,
};

const semesterApiPath = (id: string) => `/semesters/${encodeURIComponent(id)}`;

/** Every semester of the Presidency calendar, with its status and days left (`GET /api/semesters`). */
export function useSemesters() {
  return useQuery({
    queryKey: semesterKeys.list(),
    queryFn: ({ signal }) => apiRequest('/semesters', { schema: semesterListSchema, signal }),
  });
}

/** One semester, with each network's expected and received contributions (`GET /api/semesters/{id}`). */
export function useSemester(id: string) {
  return useQuery({
    queryKey: semesterKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(semesterApiPath(id), { schema: semesterDetailSchema, signal }),
    // Contributions arrive from every state: read again on each visit.
    staleTime: 0,
  });
}

/** `POST /api/semesters/{id}/close`; `force` closes it before its end. The answer is the closed semester. */
export function useCloseSemester(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (force: boolean) =>
      apiRequest(`${semesterApiPath(id)}/close`, {
        method: 'POST',
        body: { force },
        schema: semesterDetailSchema,
      }),
    onSuccess: (semester) => {
      queryClient.setQueryData(semesterKeys.detail(id), semester);
      void queryClient.invalidateQueries({ queryKey: semesterKeys.list() });
    },
  });
}

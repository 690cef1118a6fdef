import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '#shared/api/endpoints.ts';
import { callEndpoint } from './api-client.ts';
import type { EndpointResult } from './endpoint-request.ts';

export type SemesterList = EndpointResult<typeof endpoints.listSemesters>;
export type SemesterSummary = SemesterList['items'][number];
export type SemesterDetail = EndpointResult<typeof endpoints.getSemester>;

/**
 * Query keys of the semesters, which the semesters and the reports features both show: one cache,
 * so that a close on either page is seen on the other.
 */
export const semesterKeys = {
  all: ['semesters'] as const,
  list: () => [...semesterKeys.all, 'list'] as const,
  detail: (id: string) => [...semesterKeys.all, 'detail', id] as const,
};

/** Every semester of the Presidency calendar, with its status and days left (`GET /api/semesters`). */
export function useSemesters() {
  return useQuery({
    queryKey: semesterKeys.list(),
    queryFn: ({ signal }) => callEndpoint(endpoints.listSemesters, { signal }),
    // A semester closes at its boundary, or when the Commission closes it: read again on each visit.
    staleTime: 0,
  });
}

/**
 * `POST /api/semesters/{id}/close`; `force` closes it before its end. The answer is the closed
 * semester: its page and the list show it at once, and both are read again. `onSettled` is for what
 * the calling feature keeps besides (the reports page: its report list).
 */
export function useCloseSemester(id: string, onSettled?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (force: boolean) => callEndpoint(endpoints.closeSemester, { path: { id }, body: { force } }),
    onSuccess: (closed) => {
      queryClient.setQueryData(semesterKeys.detail(id), closed);
      queryClient.setQueryData<SemesterList>(semesterKeys.list(), (list) =>
        list
          ? {
              items: list.items.map((item) =>
                item.id === closed.id
                  ? { ...item, status: closed.status, daysLeft: closed.daysLeft, closedAt: closed.closedAt }
                  : item,
              ),
            }
          : list,
      );
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: semesterKeys.all });
      onSettled?.();
    },
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '#shared/api/endpoints.ts';
import { callEndpoint } from '../../../lib/api-client.ts';
import { referenceQueryKey } from '../../../lib/reference.ts';
import { semesterKeys } from '../../../lib/semesters.ts';

/** `PUT /api/reference/presidency/{semester}`; the calendar and the semester list are read again. */
export function useSetPresidency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { semester: string; state: string; version: number }) =>
      callEndpoint(endpoints.setPresidency, {
        path: { semester: input.semester },
        body: { state: input.state, version: input.version },
      }),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: referenceQueryKey }),
        queryClient.invalidateQueries({ queryKey: semesterKeys.all }),
      ]);
    },
  });
}

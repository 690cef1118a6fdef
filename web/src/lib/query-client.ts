import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client.ts';

const MAX_RETRIES = 2;

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      // Asking again cannot fix a 4xx: only transient failures (network, 5xx) are retried.
      retry: (failureCount, error) =>
        failureCount < MAX_RETRIES && (!(error instanceof ApiError) || error.isTransient),
    },
    mutations: { retry: false },
  },
});

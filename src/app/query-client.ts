import { QueryClient } from '@tanstack/react-query';
import { registerCommentMutationDefaults } from '../features/comments/post-comment';
import { isApiError } from '../lib/api-error';

export function createQueryClient(): QueryClient {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        // A 4xx or an unreadable reply will not fix itself; a network blip or 5xx may.
        retry: (failureCount, error) =>
          failureCount < 2 &&
          (!isApiError(error) || error.kind === 'network' || error.status >= 500),
      },
    },
  });
  registerCommentMutationDefaults(queryClient);
  return queryClient;
}

import { notifyManager, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api-error';

// Cache changes reach components in a microtask instead of the default setTimeout(0), so a
// comment posted optimistically is on screen in the frame right after the click, not a frame
// or two later. React batches the updates either way.
notifyManager.setScheduler(queueMicrotask);

export function createQueryClient(): QueryClient {
  return new QueryClient({
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
}

const registered = new WeakMap<QueryClient, Promise<void>>();

/**
 * The comment posts' defaults (mutationFn, what to do on success), which a comment queued
 * offline needs to be resent. They live with the comments feature, which is loaded lazily
 * (with the full zod it needs), so they are registered from that chunk: before a persisted
 * cache is restored (see query-persistence.ts), and at most once per client.
 */
export function registerMutationDefaults(queryClient: QueryClient): Promise<void> {
  let done = registered.get(queryClient);
  if (!done) {
    done = import('../features/comments/post-comment').then(({ registerCommentMutationDefaults }) =>
      registerCommentMutationDefaults(queryClient),
    );
    registered.set(queryClient, done);
  }
  return done;
}

import { MutationCache, notifyManager, QueryClient } from '@tanstack/react-query';
import { persistQueryClient } from '@tanstack/react-query-persist-client';
import { isTransient } from '../../lib/remote-data';
import { registerCommentMutationDefaults } from './post-comment';
import {
  noteFailedPost,
  queuedCommentsPersistOptions,
  releaseQueuedPosts,
} from './queued-comments';

// Cache changes reach components in a microtask instead of the default setTimeout(0), so a
// comment posted optimistically is on screen in the frame right after the click, not a frame
// or two later. React batches the updates either way.
notifyManager.setScheduler(queueMicrotask);

/**
 * The comments' query client (lists, posts, edits). It loads with the comment section, not with
 * the article. Comment posts queued offline, in this tab or one since closed, are restored from
 * storage and resent as soon as it starts.
 */
function createCommentsQueryClient({ retryQueries = true } = {}): {
  client: QueryClient;
  stop: () => void;
} {
  const client = new QueryClient({
    // Before the mutation's state changes (and is saved): a failure no form will show stays queued.
    mutationCache: new MutationCache({
      onError: (error, _v, _c, mutation) => noteFailedPost(error, mutation),
    }),
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        // A 4xx or an unreadable reply will not fix itself; a network blip or 5xx may.
        retry: (failureCount, error) => retryQueries && failureCount < 2 && isTransient(error),
      },
    },
  });
  // Before the restore: a restored post takes its mutationFn from these defaults.
  registerCommentMutationDefaults(client);
  const [stop, restored] = persistQueryClient({
    queryClient: client,
    ...queuedCommentsPersistOptions,
  });
  void restored.then(() => client.resumePausedMutations());
  return { client, stop };
}

let current: ReturnType<typeof createCommentsQueryClient> | undefined;
let nextOptions: { retryQueries?: boolean } = {};

/** The page's one comments client, started on first use. */
export function commentsQueryClient(): QueryClient {
  current ??= createCommentsQueryClient(nextOptions);
  return current.client;
}

/** As after a reload (tests): the next use starts a fresh client; this one stops saving. */
export function resetCommentsQueryClient(options: { retryQueries?: boolean } = {}): void {
  current?.stop();
  current = undefined;
  releaseQueuedPosts();
  nextOptions = options;
}

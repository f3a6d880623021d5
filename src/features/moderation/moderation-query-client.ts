import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../../lib/api-error';
import { moderatorHint } from '../../lib/moderator-hint';
import { isTransient } from '../../lib/remote-data';
import { moderationQueries } from './moderation-queries';

/** Any request answered 401 means the session is over (expired, or signed out elsewhere). */
export function isSignedOut(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

/**
 * The moderation screens' own query client: it loads with them, never with a reader's page.
 * A 401 anywhere ends the session on screen (the sign-in page shows, with what was typed
 * nowhere lost: forms keep their state until the moderator signs in again).
 */
export function createModerationQueryClient({ retry = true } = {}): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isSignedOut(error)) endSession(client);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (failureCount, error) => retry && failureCount < 2 && isTransient(error),
      },
      mutations: { retry: false },
    },
  });
  return client;
}

/** Shows the sign-in page: the session is gone, and so is everything loaded under it. */
export function endSession(client: QueryClient): void {
  moderatorHint.clear();
  client.setQueryData(moderationQueries.session().queryKey, null);
  client.removeQueries({
    predicate: (query) => query.queryKey[1] !== moderationQueries.session().queryKey[1],
  });
}

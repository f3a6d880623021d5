import './queued-comments-notice.css';
import {
  MutationObserver,
  QueryClientProvider,
  useMutationState,
  useQueryClient,
  type Mutation,
} from '@tanstack/react-query';
import { Link } from '../../lib/router/link';
import { articlePath } from '../../lib/site';
import { commentMutationKeys } from './comment-queries';
import { commentsQueryClient } from './comments-query-client';
import { postCommentVariablesSchema } from './post-comment';
import { isWaitingAfterFailure } from './queued-comments';

const slugOf = (mutation: Mutation) =>
  postCommentVariablesSchema.safeParse(mutation.state.variables).data?.slug ?? null;

const waitingFilters = {
  mutationKey: commentMutationKeys.posts(),
  predicate: isWaitingAfterFailure,
};

function WaitingComments() {
  const client = useQueryClient();
  const slugs = useMutationState({ filters: waitingFilters, select: slugOf });
  const counts = new Map<string, number>();
  for (const slug of slugs) if (slug) counts.set(slug, (counts.get(slug) ?? 0) + 1);

  /** Sends the article's waiting posts again, with their client ids (the server stores each once). */
  function retry(slug: string) {
    const cache = client.getMutationCache();
    for (const failed of cache.findAll(waitingFilters)) {
      if (slugOf(failed) !== slug) continue;
      // The new attempt first: the post stays queued in between.
      const observer = new MutationObserver<unknown, unknown, unknown>(client, {
        mutationKey: failed.options.mutationKey,
      });
      observer.mutate(failed.state.variables).catch(() => undefined);
      cache.remove(failed);
    }
  }

  // Always rendered, so a notice that appears is announced.
  return (
    <div className="queued-notice" role="status">
      {[...counts].map(([slug, count]) => (
        <p key={slug} className="queued-notice__item">
          <span className="queued-notice__text">
            {count === 1 ? '1 comment' : `${count} comments`} waiting to be posted.{' '}
            <Link to={`${articlePath(slug)}#comments`}>Go to the article</Link>
          </span>
          <button type="button" className="button button--quiet" onClick={() => retry(slug)}>
            Try again
          </button>
        </p>
      ))}
    </div>
  );
}

/**
 * Comment posts that failed with no form on screen to say so (resumed on another page, or sent
 * from a page the reader has left): they stay queued, and this says where they wait.
 */
export function QueuedCommentsNotice() {
  return (
    <QueryClientProvider client={commentsQueryClient()}>
      <WaitingComments />
    </QueryClientProvider>
  );
}

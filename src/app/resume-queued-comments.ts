import { hasQueuedComments } from '../features/comments/queued-comments-key';

/**
 * A comment queued offline, in a tab since closed, goes out on the next visit to any page: the
 * comments' client (loaded only when something waits) restores and resends it.
 */
export function resumeQueuedComments(): void {
  if (!hasQueuedComments()) return;
  void import('../features/comments/comments-query-client').then(({ commentsQueryClient }) =>
    commentsQueryClient(),
  );
}

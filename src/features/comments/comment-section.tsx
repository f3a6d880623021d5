import './comments.css';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { ErrorState } from '../../components/error-state';
import { LazyCommentForm as CommentForm } from './lazy-comment-form';
import { CommentItem } from './comment-item';
import { commentQueries } from './comment-queries';
import type { Comment } from './comment-schemas';
import { buildCommentTree } from './comment-tree';
import { usePendingComments } from './use-pending-comments';
import { usePermalinkTarget } from './use-permalink-target';

function countHeading(total: number, title: string) {
  const count = total === 1 ? 'One thought' : `${total.toLocaleString()} thoughts`;
  return `${count} on “${title}”`;
}

export function CommentSection({ slug, title }: { slug: string; title: string }) {
  const headingId = useId();
  const query = useInfiniteQuery(commentQueries.list(slug, 'oldest'));
  const [replyTo, setReplyTo] = useState<{ id: string; author: string } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [postedId, setPostedId] = useState<string | null>(null);
  const replyButtonToRestore = useRef<string | null>(null);

  const saved = query.data?.pages.flatMap((page) => page.comments) ?? [];
  // A post the server has answered but the list does not show yet stays as its pending copy;
  // once the list has it (same place, author and words: the server refuses duplicates), that goes.
  const pending = usePendingComments(slug).filter(
    ({ comment }) =>
      !saved.some(
        (c) =>
          c.parentId === comment.parentId &&
          c.author === comment.author &&
          c.content === comment.content,
      ),
  );
  const comments = [...saved, ...pending.map((p) => p.comment)];
  const waitingIds = new Set(pending.filter((p) => p.paused).map((p) => p.comment.id));
  const total = (query.data?.pages[0]?.total ?? 0) + pending.length;
  const tree = buildCommentTree(comments);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const targetId = usePermalinkTarget({
    loadedIds: new Set(comments.map((c) => c.id)),
    hasMore: hasNextPage && !isFetchingNextPage,
    loadMore: () => void fetchNextPage(),
  });

  // After a post, the new comment takes focus so the reader lands on what they wrote.
  useEffect(() => {
    if (!postedId) return;
    const element = document.getElementById(`comment-${postedId}`);
    if (!element) return;
    element.scrollIntoView({ block: 'nearest' });
    element.querySelector<HTMLElement>('.comment__body')?.focus({ preventScroll: true });
  }, [postedId, comments.length]);

  function handlePosted(comment: Comment) {
    setReplyTo(null);
    setPostedId(comment.id);
    setAnnouncement(
      comment.status === 'pending'
        ? 'Your comment was received and is awaiting moderation.'
        : 'Your comment was posted.',
    );
  }

  function cancelReply() {
    const id = replyTo?.id;
    setReplyTo(null);
    replyButtonToRestore.current = id ?? null;
  }

  useEffect(() => {
    const id = replyButtonToRestore.current;
    if (replyTo || !id) return;
    replyButtonToRestore.current = null;
    document.querySelector<HTMLElement>(`#comment-${CSS.escape(id)} .comment__reply`)?.focus();
  }, [replyTo]);

  const form = (target: { id: string; author: string } | null) => (
    <CommentForm
      key={target?.id ?? 'top'}
      slug={slug}
      replyTo={target}
      pending={pending.find((p) => p.comment.parentId === (target?.id ?? null))}
      onCancelReply={cancelReply}
      onPosted={handlePosted}
    />
  );

  return (
    <section className="comments" aria-labelledby={headingId}>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {query.isPending ? (
        <>
          <h2 id={headingId} className="comments__title">
            Comments
          </h2>
          <p role="status" className="comments__loading">
            Loading comments…
          </p>
        </>
      ) : query.isError ? (
        <>
          <h2 id={headingId} className="comments__title">
            Comments
          </h2>
          <ErrorState
            error={query.error}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
          />
        </>
      ) : (
        <>
          <h2 id={headingId} className="comments__title">
            {total === 0 && comments.length === 0 ? 'No comments yet' : countHeading(total, title)}
          </h2>
          {comments.length === 0 ? (
            <p className="comments__empty">
              Be the first to share what you think: leave a reply below.
            </p>
          ) : (
            <ol className="comment-list">
              {tree.map((node) => (
                <CommentItem
                  key={node.comment.id}
                  node={node}
                  highlightedId={targetId}
                  waitingIds={waitingIds}
                  onReply={setReplyTo}
                  renderReplyForm={(id) => (replyTo?.id === id ? form(replyTo) : null)}
                />
              ))}
            </ol>
          )}
          {hasNextPage ? (
            <p className="comments__more">
              <button
                type="button"
                className="button button--quiet"
                onClick={() => void fetchNextPage()}
                aria-disabled={isFetchingNextPage || undefined}
              >
                {isFetchingNextPage ? 'Loading more comments…' : 'Load more comments'}
              </button>
            </p>
          ) : null}
        </>
      )}
      {replyTo ? null : form(null)}
    </section>
  );
}

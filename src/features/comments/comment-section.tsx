import { keepPreviousData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import {
  memo,
  startTransition,
  Suspense,
  use,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { ErrorState } from '../../components/error-state';
import { groupThousands } from '../../contract/group-thousands';
import { LazyCommentForm as CommentForm } from './lazy-comment-form';
import { NewCommentsNotice } from './new-comments-notice';
import { plural } from './plural';
import { CommentItem } from './comment-item';
import { heldComments } from './held-comments';
import { commentOrder, commentOrderLabels } from './comment-order';
import { commentQueries } from './comment-queries';
import {
  commentOrderSchema,
  type Comment,
  type CommentFormEcho,
  type CommentOrder,
} from '../../contract/comments';
import { CommentThreadContext } from './comment-thread-context';
import { ModeratorToolsContext } from './moderator-tools-slot';
import { buildCommentTree } from './comment-tree';
import { useCommentKeys } from './use-comment-keys';
import { usePendingComments } from './use-pending-comments';
import { usePermalinkTarget } from './use-permalink-target';

/** Threads of a page "Load more" brought that are shown in the frame after the click. */
const threadsShownFirst = 6;

function countHeading(total: number, title: string) {
  const count = total === 1 ? 'One thought' : `${groupThousands(total)} thoughts`;
  return `${count} on “${title}”`;
}

/**
 * The comment section. Memoized: its parent re-renders once right after hydrating (it asks
 * whether it is hydrating), and that must not re-render the whole section in one task.
 */
export const CommentSection = memo(CommentSectionView);

function CommentSectionView({
  slug,
  title,
  focusOnLoad = false,
  serverMarkup = false,
  initialOrder,
  echo,
}: {
  slug: string;
  title: string;
  /** Move focus to the section's heading once it has loaded (the reader asked for it). */
  focusOnLoad?: boolean;
  /** First rendered as the server's markup (on the server, or hydrating what it rendered). */
  serverMarkup?: boolean;
  /** The order of the server-rendered page 1: hydration shows it, then the reader's own. */
  initialOrder?: CommentOrder;
  /** A post without JavaScript the server refused, for the top form to show. */
  echo?: CommentFormEcho;
}) {
  const id = useId();
  const headingId = `${id}-heading`;
  const queryClient = useQueryClient();
  // The section learns what only this browser knows (its dates, its edit tokens, the reader's
  // order, the moderator's menu) in a transition after hydration, not in the synchronous
  // re-render useHydrated brings: re-rendering the section and every server-rendered comment at
  // once was one long task on a slow phone.
  const [commentsHydrated, setCommentsHydrated] = useState(!serverMarkup);
  useEffect(() => {
    if (!commentsHydrated) startTransition(() => setCommentsHydrated(true));
  }, [commentsHydrated]);
  const [chosenOrder, setOrder] = useState<CommentOrder | null>(null);
  // Hydrating the server's page 1, its order; from then on the reader's remembered one (a
  // reader who chose "Newest first" gets it, fetched then).
  const order =
    chosenOrder ?? (initialOrder && !commentsHydrated ? initialOrder : commentOrder.read());
  const listQuery = commentQueries.list(slug, order);
  // On a new order the list shown stays until the new one is in: the sort control (which has
  // focus) stays mounted, and nothing flashes empty.
  const query = useInfiniteQuery({ ...listQuery, placeholderData: keepPreviousData });
  const [sortedTo, setSortedTo] = useState<CommentOrder | null>(null);
  const [replyTo, setReplyTo] = useState<{ id: string; author: string } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [postedId, setPostedId] = useState<string | null>(null);
  const replyButtonToRestore = useRef<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  useCommentKeys(sectionRef);

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
  const pendingComments = pending.map((p) => p.comment);
  const comments =
    order === 'newest' ? [...pendingComments, ...saved] : [...saved, ...pendingComments];
  const waitingIds = new Set(pending.filter((p) => p.paused).map((p) => p.comment.id));
  const savedTotal = query.data?.pages[0]?.total ?? 0;
  const total = savedTotal + pending.length;
  const tree = buildCommentTree(comments);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const { wantedId, targetId } = usePermalinkTarget({
    loadedIds: new Set(comments.map((c) => c.id)),
    hasMore: hasNextPage && !isFetchingNextPage,
    loadMore: () => void fetchNextPage(),
  });

  // "Load more": the new page's first threads are shown in the frame after the click, the rest
  // in a transition just after it. All at once, a page of a busy thread (50 threads, hundreds of
  // comments) was rendered and laid out before anything of it showed. Not while a permalink
  // waits for its comment, which must be on the page to be scrolled to.
  const pageCount = query.data?.pages.length ?? 0;
  const [settledPages, setSettledPages] = useState(pageCount);
  // Page 1, and a list loaded afresh (another order), is shown whole.
  if (pageCount < settledPages || (settledPages === 0 && pageCount > 0)) setSettledPages(pageCount);
  const growing = settledPages > 0 && pageCount > settledPages && wantedId === null;
  useEffect(() => {
    if (!growing) return;
    const settle = () => startTransition(() => setSettledPages(pageCount));
    // After the frame that shows the first threads.
    if (typeof requestAnimationFrame !== 'function') {
      const timer = window.setTimeout(settle);
      return () => window.clearTimeout(timer);
    }
    let timer: number | undefined;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(settle);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [growing, pageCount]);
  const laterThreads = new Set<string>();
  if (growing && query.data) {
    const arriving = query.data.pages
      .slice(settledPages)
      .flatMap((page) => page.comments.filter((c) => c.parentId === null));
    for (const c of arriving.slice(threadsShownFirst)) laterThreads.add(c.id);
  }
  const shownTree =
    laterThreads.size > 0 ? tree.filter((node) => !laterThreads.has(node.comment.id)) : tree;

  // A reader who is among the comments may well read on: the next page is fetched ahead, once
  // the browser is idle, so "Load more" only has to show it.
  const nextCursor = query.data?.pages.at(-1)?.nextCursor ?? null;
  useEffect(() => {
    const element = sectionRef.current;
    if (!element || nextCursor === null || typeof IntersectionObserver === 'undefined') return;
    let idle: number | undefined;
    const prefetch = () =>
      void queryClient.prefetchQuery(commentQueries.page(slug, order, nextCursor));
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      idle =
        typeof requestIdleCallback === 'function'
          ? requestIdleCallback(prefetch, { timeout: 2000 })
          : window.setTimeout(prefetch, 300);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      if (idle === undefined) return;
      if (typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
      else window.clearTimeout(idle);
    };
  }, [nextCursor, queryClient, slug, order]);

  const focusedOnLoad = useRef(false);
  useEffect(() => {
    if (!focusOnLoad || query.isPending || focusedOnLoad.current) return;
    focusedOnLoad.current = true;
    headingRef.current?.focus();
  }, [focusOnLoad, query.isPending]);

  // After a post, the new comment takes focus so the reader lands on what they wrote.
  useEffect(() => {
    if (!postedId) return;
    const element = document.getElementById(`comment-${postedId}`);
    if (!element) return;
    element.scrollIntoView({ block: 'nearest' });
    element.querySelector<HTMLElement>('.comment__body')?.focus({ preventScroll: true });
  }, [postedId, comments.length]);

  function handlePosted(comment: Comment) {
    if (comment.status === 'pending') heldComments.remember(slug);
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

  function changeOrder(next: CommentOrder) {
    commentOrder.save(next);
    setOrder(next);
    setSortedTo(next);
  }

  // Said once the list in the new order is on screen, not when it was asked for.
  const sorting = query.isPlaceholderData;
  if (sortedTo !== null && !sorting) {
    setAnnouncement(`Comments sorted ${commentOrderLabels[sortedTo].toLowerCase()}.`);
    setSortedTo(null);
  }

  // A signed-in moderator's change (the moderation menu): said, and the list loaded again.
  // Only once hydrated: the server's HTML has no menu.
  const moderatorTools = use(ModeratorToolsContext);
  const showTools = commentsHydrated && moderatorTools !== null;
  // Stable, as it goes in the thread context every comment reads (see below).
  const onModerated = useCallback(
    (message: string) => {
      setAnnouncement(message);
      void queryClient.invalidateQueries({ queryKey: commentQueries.all(slug) });
    },
    [queryClient, slug],
  );

  async function showNewComments(count: number) {
    await queryClient.invalidateQueries({ queryKey: listQuery.queryKey });
    setAnnouncement(`${plural(count, 'new comment', 'new comments')} shown.`);
    headingRef.current?.focus();
  }

  const form = (target: { id: string; author: string } | null) => (
    <CommentForm
      key={target?.id ?? 'top'}
      slug={slug}
      replyTo={target}
      pending={pending.find((p) => p.comment.parentId === (target?.id ?? null))}
      serverRendered={!commentsHydrated}
      onCancelReply={cancelReply}
      onPosted={handlePosted}
      {...(target === null && echo ? { echo } : {})}
    />
  );

  // Every comment reads this: a new object on each render would re-render them all (see
  // CommentItem), so it changes only when what it says does.
  const replyForm = replyTo ? form(replyTo) : null;
  const waitingKey = [...waitingIds].join('\n');
  // Closed by a moderator or by the article's age: the comments stay, the form goes (WordPress).
  const closed = query.data?.pages.some((page) => page.commentsClosed === true) ?? false;
  const threadContext = useMemo(
    () => ({
      slug,
      closed,
      announce: setAnnouncement,
      highlightedId: targetId,
      revealId: wantedId,
      waitingIds: new Set(waitingKey ? waitingKey.split('\n') : []),
      onReply: setReplyTo,
      replyingTo: replyTo?.id ?? null,
      replyForm,
      onModerated,
      hydrated: commentsHydrated,
    }),
    [
      slug,
      closed,
      targetId,
      wantedId,
      waitingKey,
      replyTo,
      replyForm,
      onModerated,
      commentsHydrated,
    ],
  );

  const heading = (text: string) => (
    <h2 id={headingId} ref={headingRef} className="comments__title" tabIndex={-1}>
      {text}
    </h2>
  );

  return (
    <section ref={sectionRef} id="comments" className="comments" aria-labelledby={headingId}>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {query.isPending ? (
        <>
          {heading('Comments')}
          <p role="status" className="comments__loading">
            Loading comments…
          </p>
        </>
      ) : query.isError ? (
        <>
          {heading('Comments')}
          <ErrorState
            error={query.error}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
          />
        </>
      ) : (
        <>
          <div className="comments__header">
            {heading(
              total === 0 && comments.length === 0 ? 'No comments yet' : countHeading(total, title),
            )}
            {comments.length > 1 ? (
              <div className="comments__sort">
                <label htmlFor={`${id}-sort`}>Sort comments</label>
                <select
                  id={`${id}-sort`}
                  value={order}
                  onChange={(event) => changeOrder(commentOrderSchema.parse(event.target.value))}
                >
                  {commentOrderSchema.options.map((value) => (
                    <option key={value} value={value}>
                      {commentOrderLabels[value]}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
          </div>
          {comments.length > 1 ? (
            <p className="comments__keys">
              Tip: in the comments, press <kbd>J</kbd> and <kbd>K</kbd> to move to the next and
              previous comment.
            </p>
          ) : null}
          {/* Comments others posted since the list was loaded (the reader's own are in it). */}
          <NewCommentsNotice
            slug={slug}
            savedTotal={savedTotal}
            listLoaded={query.isSuccess}
            ownPostPending={pending.length > 0}
            onShow={(count) => void showNewComments(count)}
          />
          {showTools && moderatorTools ? (
            <Suspense fallback={null}>
              <moderatorTools.HeldComments slug={slug} onChanged={onModerated} />
            </Suspense>
          ) : null}
          {comments.length === 0 ? (
            <p className="comments__empty">
              Be the first to share what you think: leave a reply below.
            </p>
          ) : (
            <CommentThreadContext value={threadContext}>
              {/* A boundary of its own so that React hydrates the server's list in a pass of its
                  own, after the section around it: hydrated together, committing both and
                  starting their effects was one long task on a slow phone. Nothing in the list
                  suspends (what loads lazily in a comment has its own boundary). */}
              <Suspense fallback={null}>
                <ol className="comment-list" aria-busy={sorting || undefined}>
                  {shownTree.map((node) => (
                    <CommentItem key={node.comment.id} node={node} />
                  ))}
                </ol>
              </Suspense>
            </CommentThreadContext>
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
      {closed ? (
        <p className="comments__closed">Comments are closed.</p>
      ) : replyTo ? null : (
        form(null)
      )}
    </section>
  );
}

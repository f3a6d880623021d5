// The section's styles are the page's: server-rendered comments are styled from the first paint.
import '../features/comments/comments.css';
import '../features/comments/lazy-comment-form.css';
import { Suspense, useEffect, useRef, useState, type Ref } from 'react';
import { lazyWithRetry } from '../lib/lazy-with-retry';
import { useHydrated } from '../lib/use-hydrated';
import { useNearViewportOrIdle } from '../lib/use-near-viewport-or-idle';
import { ModeratorToolsContext } from '../features/comments/moderator-tools-slot';
import { yieldToMain } from '../lib/yield-to-main';
import { useInitialComments, type InitialComments } from './initial-comments';
import { useModeratorTools } from './moderator-tools';

// The comments are their own chunk (the list, TanStack Query, full zod, the form's loader):
// the article shows and becomes interactive without them.
// In steps with a yield between (zod and the form's schemas, the other schemas, the query client,
// then the section), so that evaluating the code is never one long task on a slow phone. Each
// step's chunks are small, so the extra round trips are short, and the comments the server
// rendered are on screen meanwhile.
const loadCommentsRoot = () =>
  import('../contract/comment-fields')
    .then(yieldToMain)
    .then(() => import('../contract/comments'))
    .then(yieldToMain)
    .then(() => import('../features/comments/comments-query-client'))
    .then(yieldToMain)
    .then(() => import('../features/comments/comments-root'))
    .then(({ CommentsRoot }) => CommentsRoot);
const CommentsRoot = lazyWithRetry(loadCommentsRoot);

/** Resolved when the server-rendered comments should come alive (see ServerRenderedComments). */
let wakeComments: () => void = () => {};
const commentsWanted = new Promise<void>((resolve) => {
  wakeComments = resolve;
});
// On the server the section renders at once, into the HTML; in the browser its code is fetched
// only when wanted, and until then React keeps the server's markup as it is.
const WakingCommentsRoot = lazyWithRetry(() =>
  typeof window === 'undefined' ? loadCommentsRoot() : commentsWanted.then(loadCommentsRoot),
);

/**
 * Holds the section's place. While nothing loads it offers "Show comments" (once the page can
 * act on it); "Loading comments…" is said only while they load.
 */
function CommentsPlaceholder({
  ref,
  loading = false,
  onShow,
}: {
  ref?: Ref<HTMLElement>;
  loading?: boolean;
  onShow?: () => void;
}) {
  return (
    <section
      ref={ref}
      className="comments-placeholder"
      aria-labelledby="comments-placeholder-title"
    >
      <h2 id="comments-placeholder-title" className="comments-placeholder__title">
        Comments
      </h2>
      <p role="status" className="comments-placeholder__status">
        {loading ? 'Loading comments…' : null}
      </p>
      {onShow ? (
        <p>
          <button type="button" className="button button--quiet" onClick={onShow}>
            Show comments
          </button>
        </p>
      ) : null}
    </section>
  );
}

/** An address that points into the comments (#comments, #respond, #comment-12) wants them now. */
function linksToComments(): boolean {
  return /^#(comments|respond|comment-)/.test(window.location.hash);
}

/** What wakes server-rendered comments: the reader pointing at, touching or tabbing into them. */
const wakingEvents = ['pointerover', 'pointerdown', 'focusin', 'touchstart'] as const;

/**
 * The comments the server rendered into the page, readable before any comment code arrives.
 * They hydrate (their code is fetched, page 1 comes from the page's own data: no request) when
 * they near the viewport, when the reader interacts with them, or at once for a link into them;
 * until then they stay the server's markup, with nothing to flash or shift.
 */
function ServerRenderedComments({ initial, title }: { initial: InitialComments; title: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || linksToComments() || typeof IntersectionObserver === 'undefined') {
      wakeComments();
      return;
    }
    const wake = () => wakeComments();
    // Half a screen ahead: the code is small and the comments are on screen already, so there
    // is no data to fetch ahead of the reader.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) wake();
      },
      { rootMargin: '50% 0px' },
    );
    observer.observe(element);
    for (const type of wakingEvents) element.addEventListener(type, wake, { passive: true });
    return () => {
      observer.disconnect();
      for (const type of wakingEvents) element.removeEventListener(type, wake);
    };
  }, []);
  return (
    <div ref={ref}>
      <Suspense fallback={<CommentsPlaceholder loading />}>
        <WakingCommentsRoot
          slug={initial.slug}
          title={title}
          seedPage={{
            order: initial.order,
            page: initial.page,
            ...(initial.echo ? { echo: initial.echo } : {}),
          }}
        />
      </Suspense>
    </div>
  );
}

/**
 * The comment section. When the server rendered page 1 into the HTML, that markup stays until it
 * hydrates (ServerRenderedComments). Otherwise (the demo's client-side navigation, a build with no
 * server rendering) it is rendered in the browser only, behind a placeholder of about its height,
 * so nothing shifts: its code and data are fetched after hydration when the reader is two screens
 * away from it, so they are ready on arrival, and readers who never get there (most, on a news
 * site) never pay for them; a link to a comment, or the placeholder's "Show comments", fetches
 * them at once.
 */
export function DeferredCommentSection({ slug, title }: { slug: string; title: string }) {
  const initial = useInitialComments(slug);
  const tools = useModeratorTools();
  return (
    <ModeratorToolsContext value={tools}>
      {initial ? (
        <ServerRenderedComments initial={initial} title={title} />
      ) : (
        <ClientRenderedComments slug={slug} title={title} />
      )}
    </ModeratorToolsContext>
  );
}

function ClientRenderedComments({ slug, title }: { slug: string; title: string }) {
  const hydrated = useHydrated();
  const ref = useRef<HTMLElement>(null);
  const near = useNearViewportOrIdle(ref, { margin: '200% 0px', idle: false });
  const linked = hydrated && linksToComments();
  const [asked, setAsked] = useState(false);
  const wanted = near || linked || asked;
  if (!hydrated) return <CommentsPlaceholder ref={ref} />;
  if (!wanted) return <CommentsPlaceholder ref={ref} onShow={() => setAsked(true)} />;
  return (
    <Suspense fallback={<CommentsPlaceholder loading />}>
      {/* Asked for by the button, which is gone now: focus goes on to the section. */}
      <CommentsRoot slug={slug} title={title} focusOnLoad={asked} />
    </Suspense>
  );
}

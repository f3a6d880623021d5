import { Suspense, useRef, useState, type Ref } from 'react';
import { lazyWithRetry } from '../lib/lazy-with-retry';
import { useHydrated } from '../lib/use-hydrated';
import { useNearViewportOrIdle } from '../lib/use-near-viewport-or-idle';

// The comments are their own chunk (the list, TanStack Query, full zod, the form's loader):
// the article shows and becomes interactive without them.
const CommentsRoot = lazyWithRetry(() =>
  import('../features/comments/comments-root').then(({ CommentsRoot }) => CommentsRoot),
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

/**
 * The comment section, rendered in the browser only: comments change all the time (a prerendered
 * copy would be stale), and the form reads what the reader saved in this browser. The prerender
 * and hydration show a placeholder of about the section's height, so nothing shifts. The
 * section's code and data are fetched after hydration when the reader is two screens away from
 * it, so they are ready on arrival, and readers who never get there (most, on a news site) never
 * pay for them; a link to a comment, or the placeholder's "Show comments", fetches them at once.
 */
export function DeferredCommentSection({ slug, title }: { slug: string; title: string }) {
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

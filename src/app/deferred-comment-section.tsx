import { lazy, Suspense, useRef, type Ref } from 'react';
import { useHydrated } from '../lib/use-hydrated';
import { useNearViewportOrIdle } from '../lib/use-near-viewport-or-idle';

// The comments are their own chunk (the list, TanStack Query, full zod, the form's loader):
// the article shows and becomes interactive without them.
const CommentsRoot = lazy(() =>
  import('../features/comments/comments-root').then(({ CommentsRoot }) => ({
    default: CommentsRoot,
  })),
);

function CommentsPlaceholder({ ref }: { ref?: Ref<HTMLElement> }) {
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
        Loading comments…
      </p>
    </section>
  );
}

/**
 * The comment section, rendered in the browser only: comments change all the time (a prerendered
 * copy would be stale), and the form reads what the reader saved in this browser. The prerender
 * and hydration show a placeholder of about the section's height, so nothing shifts; the
 * section's code and data are fetched after hydration, when the reader nears it or the page is
 * idle.
 */
export function DeferredCommentSection({ slug, title }: { slug: string; title: string }) {
  const hydrated = useHydrated();
  const ref = useRef<HTMLElement>(null);
  const wanted = useNearViewportOrIdle(ref);
  if (!hydrated || !wanted) return <CommentsPlaceholder ref={ref} />;
  return (
    <Suspense fallback={<CommentsPlaceholder />}>
      <CommentsRoot slug={slug} title={title} />
    </Suspense>
  );
}

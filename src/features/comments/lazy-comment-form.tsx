import './lazy-comment-form.css';
import { Suspense, useRef, type Ref } from 'react';
import { lazyWithRetry } from '../../lib/lazy-with-retry';
import { useHydrated } from '../../lib/use-hydrated';
import { useNearViewportOrIdle } from '../../lib/use-near-viewport-or-idle';
import type { CommentFormProps } from './comment-form';

// The form (its field state and notices, the form itself) is a chunk of its own: most
// readers never comment, and the article and the comments show without it.
const CommentForm = lazyWithRetry(() =>
  import('./comment-form').then(({ CommentForm }) => CommentForm),
);

function FormPlaceholder({ ref }: { ref?: Ref<HTMLDivElement> }) {
  // In the server's HTML (read with JavaScript off, perhaps) nothing is loading yet.
  const hydrated = useHydrated();
  // The form's own heading and height, so the page does not shift when the form replaces it.
  return (
    <div ref={ref} className="comment-respond comment-form-placeholder">
      <h3 className="comment-respond__title">Leave a Reply</h3>
      <p className="comment-form-placeholder__status" role="status">
        {hydrated ? 'Loading the comment form…' : null}
      </p>
    </div>
  );
}

/**
 * CommentForm, in the server's HTML as it is; otherwise fetched when the reader nears it or the page is idle, so it is there by the time
 * they reach it. A reply form (opened by the reader) renders at once: the top form has usually
 * loaded the chunk already.
 */
export function LazyCommentForm(props: CommentFormProps) {
  const ref = useRef<HTMLDivElement>(null);
  // Rendering on the server, or hydrating what it rendered: the real form, which works without
  // JavaScript (React keeps the server's markup until the form's code is in).
  const serverRendered = !useHydrated();
  const wanted = useNearViewportOrIdle(ref, { initial: props.replyTo !== null || serverRendered });
  if (!wanted) return <FormPlaceholder ref={ref} />;
  return (
    <Suspense fallback={<FormPlaceholder />}>
      <CommentForm {...props} />
    </Suspense>
  );
}

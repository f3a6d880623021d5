import './lazy-comment-form.css';
import {
  Suspense,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ComponentType,
  type Ref,
} from 'react';
import { lazyWithRetry } from '../../lib/lazy-with-retry';
import { useHydrated } from '../../lib/use-hydrated';
import { useNearViewportOrIdle } from '../../lib/use-near-viewport-or-idle';
import { yieldToMain } from '../../lib/yield-to-main';
import type { CommentFormProps } from './comment-form';

// The form (its field state and notices, the form itself) is a chunk of its own: most
// readers never comment, and the article and the comments show without it.
const loadCommentForm = () => import('./comment-form').then(({ CommentForm }) => CommentForm);
const CommentForm = lazyWithRetry(loadCommentForm);

/** Resolved when the server-rendered form should come alive (see LazyCommentForm). */
let wakeForm: () => void = () => {};
const formWanted = new Promise<void>((resolve) => {
  wakeForm = () => void yieldToMain().then(resolve);
});
// On the server the form renders at once, into the HTML; in the browser its code is fetched
// only when wanted, and until then React keeps the server's markup, a form that posts without
// JavaScript.
//
// What crosses into that boundary must never change before it hydrates: React would give up the
// server's markup and render the boundary anew (its placeholder first, losing what was typed).
// So the boundary's element is made once, and the form's props reach it through a store.
interface PropsStore {
  get: () => CommentFormProps;
  set: (props: CommentFormProps) => void;
  subscribe: (listener: () => void) => () => void;
}

function propsStore(initial: CommentFormProps): PropsStore {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set: (props) => {
      current = props;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

let LoadedCommentForm: ComponentType<CommentFormProps> | null = null;

function CommentFormFromStore({ store }: { store: PropsStore }) {
  const props = useSyncExternalStore(store.subscribe, store.get, store.get);
  if (!LoadedCommentForm) throw new Error('CommentFormFromStore renders once the form has loaded');
  return <LoadedCommentForm {...props} />;
}

const WakingCommentForm = lazyWithRetry(() =>
  (typeof window === 'undefined' ? loadCommentForm() : formWanted.then(loadCommentForm)).then(
    (Form) => {
      LoadedCommentForm = Form;
      return CommentFormFromStore;
    },
  ),
);

/** What wakes a server-rendered form: the reader pointing at, touching or tabbing into it. */
const wakingEvents = ['pointerover', 'pointerdown', 'focusin', 'touchstart'] as const;

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
 * The server's form, kept as the server rendered it (it works without JavaScript) while the
 * comments above it hydrate; its code is fetched when the reader nears it or reaches into it,
 * after a yield, so starting the list and starting the form are never one long task.
 */
function ServerRenderedForm(props: CommentFormProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [store] = useState(() => propsStore(props));
  const [boundary] = useState(() => (
    <Suspense fallback={<FormPlaceholder />}>
      <WakingCommentForm store={store} />
    </Suspense>
  ));
  useEffect(() => {
    if (store.get() !== props) store.set(props);
  });
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') {
      wakeForm();
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) wakeForm();
      },
      { rootMargin: '25% 0px' },
    );
    observer.observe(element);
    for (const type of wakingEvents) element.addEventListener(type, wakeForm, { passive: true });
    return () => {
      observer.disconnect();
      for (const type of wakingEvents) element.removeEventListener(type, wakeForm);
    };
  }, []);
  return <div ref={ref}>{boundary}</div>;
}

/**
 * CommentForm. In the server's HTML it is the real form (see ServerRenderedForm); rendered in
 * the browser, it is fetched when the reader nears it or the page is idle, so it is there by
 * the time they reach it. A reply form (opened by the reader) renders at once: the top form has
 * usually loaded the chunk already.
 */
export function LazyCommentForm({
  serverRendered = false,
  ...props
}: CommentFormProps & {
  /**
   * Rendered first on the server, or hydrating what it rendered: this form stays the server's.
   * Told by the section rather than asked with useHydrated, which re-renders synchronously
   * right after hydrating.
   */
  serverRendered?: boolean;
}) {
  const [fromServer] = useState(serverRendered);
  if (fromServer) return <ServerRenderedForm {...props} />;
  return <ClientRenderedForm {...props} />;
}

function ClientRenderedForm(props: CommentFormProps) {
  const ref = useRef<HTMLDivElement>(null);
  const wanted = useNearViewportOrIdle(ref, { initial: props.replyTo !== null });
  if (!wanted) return <FormPlaceholder ref={ref} />;
  return (
    <Suspense fallback={<FormPlaceholder />}>
      <CommentForm {...props} />
    </Suspense>
  );
}

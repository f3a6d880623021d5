import { Suspense, useState, useSyncExternalStore } from 'react';
import { ErrorBoundary } from '../components/error-boundary';
import { hasQueuedComments, queueChangedEvent } from '../features/comments/queued-comments-key';
import { lazyWithRetry } from '../lib/lazy-with-retry';

// Loaded only once a comment post is queued: most visits never need it.
const QueuedCommentsNotice = lazyWithRetry(() =>
  import('../features/comments/queued-comments-notice').then(
    ({ QueuedCommentsNotice }) => QueuedCommentsNotice,
  ),
);

function subscribe(onChange: () => void) {
  window.addEventListener(queueChangedEvent, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(queueChangedEvent, onChange);
    window.removeEventListener('storage', onChange);
  };
}

/**
 * Where the reader hears of comment posts that wait to be sent after a failure, whatever page
 * they are on. The notice's code loads when a post is first queued, and stays.
 */
export function QueuedCommentsSlot() {
  const queued = useSyncExternalStore(subscribe, hasQueuedComments, () => false);
  const [wanted, setWanted] = useState(false);
  if (queued && !wanted) setWanted(true);
  if (!wanted) return null;
  return (
    <ErrorBoundary fallback={() => null}>
      <Suspense fallback={null}>
        <QueuedCommentsNotice />
      </Suspense>
    </ErrorBoundary>
  );
}

import { useEffect, useSyncExternalStore } from 'react';

const prefix = '#comment-';

/** The comment id in the address, or null; a malformed escape (#comment-%E0) names none. */
function commentIdIn(hash: string): string | null {
  if (!hash.startsWith(prefix)) return null;
  try {
    return decodeURIComponent(hash.slice(prefix.length));
  } catch {
    return null;
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/**
 * The comment the address points at (#comment-ID): `wantedId` at once, `targetId` once it is on
 * screen, scrolled to and focused (for highlighting). While it is not loaded, `loadMore` is called.
 */
export function usePermalinkTarget({
  loadedIds,
  hasMore,
  loadMore,
}: {
  loadedIds: ReadonlySet<string>;
  hasMore: boolean;
  loadMore: () => void;
}): { wantedId: string | null; targetId: string | null } {
  const hash = useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => '',
  );
  const wantedId = commentIdIn(hash);
  const loaded = wantedId !== null && loadedIds.has(wantedId);

  useEffect(() => {
    if (wantedId === null) return;
    if (!loaded) {
      if (hasMore) loadMore();
      return;
    }
    const element = document.getElementById(`comment-${wantedId}`);
    element?.scrollIntoView({ block: 'start' });
    element?.querySelector<HTMLElement>('.comment__body')?.focus({ preventScroll: true });
  }, [wantedId, loaded, hasMore, loadMore]);

  return { wantedId, targetId: loaded ? wantedId : null };
}

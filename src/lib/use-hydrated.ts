import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False while rendering on the server (the build-time prerender) and while hydrating what it
 * rendered; true from the render after that, and from the start when there was nothing to
 * hydrate. Lets a component show the prerendered markup first, then what only the reader's
 * browser knows (their locale, their settings), without a hydration mismatch.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

import { lazy, type ComponentType } from 'react';

const reloadedKey = 'app:reloaded-for-missing-chunk';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reloads the page, once per visit: a chunk missing after a deploy is in the new build. */
function reloadOnce(reload: () => void): boolean {
  try {
    if (!navigator.onLine || sessionStorage.getItem(reloadedKey)) return false;
    sessionStorage.setItem(reloadedKey, String(Date.now()));
  } catch {
    return false; // No storage: a reload could not tell it had happened, and might loop.
  }
  reload();
  return true;
}

/** Imports that failed for good, each with a way to start over. */
const failedImports = new Set<() => void>();

/**
 * Lets every failed import be tried again on its next render: called by an error boundary's
 * "Try again" (a rejected React.lazy would otherwise rethrow the same error for good).
 */
export function retryFailedImports(): void {
  for (const startOver of failedImports) startOver();
  failedImports.clear();
}

export interface LazyRetryOptions {
  /** Waits before each new attempt at the import (a network blip). */
  retryDelaysMs?: readonly number[];
  reload?: () => void;
}

/**
 * React.lazy, except that a failed import does not stay failed: React keeps a rejected lazy
 * component rejected, so "Try again" under an error boundary would rethrow the same error. The
 * import is retried (a network blip), and once it has failed, retryFailedImports() (an error
 * boundary's reset) makes the next render start a new attempt.
 * A chunk still missing while the browser is online was most likely replaced by a deploy: the
 * page reloads, once per visit (drafts are in storage, so nothing typed is lost).
 */
export function lazyWithRetry<P extends object>(
  load: () => Promise<ComponentType<P>>,
  { retryDelaysMs = [1000, 2000], reload = () => window.location.reload() }: LazyRetryOptions = {},
): ComponentType<P> {
  const attempt = async (): Promise<{ default: ComponentType<P> }> => {
    for (let tries = 0; ; tries += 1) {
      try {
        return { default: await load() };
      } catch (error) {
        const delay = retryDelaysMs[tries];
        if (delay !== undefined) {
          await wait(delay);
          continue;
        }
        // Never settles: the page is going.
        if (reloadOnce(reload)) await new Promise(() => {});
        failedImports.add(() => (current = lazy(attempt)));
        throw error;
      }
    }
  };
  let current = lazy(attempt);
  return function LazyWithRetry(props: P) {
    const Component = current;
    return <Component {...props} />;
  };
}

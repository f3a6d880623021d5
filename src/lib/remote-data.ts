import { useEffect, useSyncExternalStore } from 'react';
import { isApiError } from './api-error';

/** What a page knows of one piece of server data. `fetching`: a (re)load is under way. */
export type RemoteState<T> =
  | { status: 'pending'; fetching: true }
  | { status: 'error'; error: unknown; fetching: boolean }
  | { status: 'success'; data: T; fetching: boolean };

const pending: RemoteState<never> = { status: 'pending', fetching: true };

/** A failure that may fix itself on a second try: no answer at all, or a server error. */
export function isTransient(error: unknown): boolean {
  return !isApiError(error) || error.kind === 'network' || error.status >= 500;
}

export interface RemoteStoreOptions {
  /** How long to wait before each automatic retry of a transient failure (one retry each). */
  retryDelays?: readonly number[];
  /** How old data may get before the page fetches it again when the reader comes back to it. */
  staleAfterMs?: number;
}

/**
 * A cache of read-only server data by key (an article by its slug), for pages whose data changes
 * rarely and is prerendered: what the article route needs of a query library, in a few hundred
 * bytes, so the page's JavaScript stays small. (The comments, which post, page and sync, use
 * TanStack Query, which loads with them.)
 */
export class RemoteStore<T> {
  private readonly states = new Map<string, RemoteState<T>>();
  private readonly listeners = new Set<() => void>();
  private readonly fetcher: (key: string) => Promise<T>;
  private readonly retryDelays: readonly number[];
  private readonly staleAfterMs: number;
  private readonly updatedAt = new Map<string, number>();

  constructor(
    fetcher: (key: string) => Promise<T>,
    { retryDelays = [1000, 2000], staleAfterMs = 5 * 60_000 }: RemoteStoreOptions = {},
  ) {
    this.fetcher = fetcher;
    this.retryDelays = retryDelays;
    this.staleAfterMs = staleAfterMs;
  }

  get = (key: string): RemoteState<T> => this.states.get(key) ?? pending;

  /**
   * Fetches `key` if the page has nothing to show for it, or only a failure (a failure is not
   * kept: the next page that needs the data asks again), or with `orIfStale`, data older than
   * `staleAfterMs`.
   */
  refresh(key: string, { orIfStale = false } = {}): void {
    const state = this.states.get(key);
    if (state?.fetching) return;
    const stale = Date.now() - (this.updatedAt.get(key) ?? 0) > this.staleAfterMs;
    if (!state || state.status === 'error' || (orIfStale && stale)) this.load(key);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** Data the page already has (the prerendered page's), so nothing is fetched for it. */
  seed(key: string, data: T): void {
    this.states.set(key, { status: 'success', data, fetching: false });
    this.updatedAt.set(key, Date.now());
  }

  /** Fetches `key`, unless that is already under way; what was shown stays until it answers. */
  load(key: string): void {
    const before = this.states.get(key);
    if (before?.fetching) return;
    this.set(key, before ? { ...before, fetching: true } : pending);
    void this.fetchWithRetries(key);
  }

  private async fetchWithRetries(key: string): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const data = await this.fetcher(key);
        this.updatedAt.set(key, Date.now());
        this.set(key, { status: 'success', data, fetching: false });
        return;
      } catch (error) {
        const delay = this.retryDelays[attempt];
        if (delay === undefined || !isTransient(error)) {
          this.set(key, { status: 'error', error, fetching: false });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  private set(key: string, state: RemoteState<T>): void {
    this.states.set(key, state);
    this.listeners.forEach((listener) => listener());
  }
}

/**
 * The store's entry for `key`, fetched on first use and again on a later mount if it failed;
 * when the reader comes back to the tab, fetched again if it is stale (as TanStack Query does).
 * `reload` fetches it again.
 */
export function useRemoteData<T>(
  store: RemoteStore<T>,
  key: string,
): RemoteState<T> & { reload: () => void } {
  const state = useSyncExternalStore(
    store.subscribe,
    () => store.get(key),
    () => store.get(key),
  );
  useEffect(() => {
    store.refresh(key);
    const onReturn = () => {
      if (document.visibilityState === 'visible') store.refresh(key, { orIfStale: true });
    };
    window.addEventListener('focus', onReturn);
    document.addEventListener('visibilitychange', onReturn);
    return () => {
      window.removeEventListener('focus', onReturn);
      document.removeEventListener('visibilitychange', onReturn);
    };
  }, [store, key]);
  return { ...state, reload: () => store.load(key) };
}

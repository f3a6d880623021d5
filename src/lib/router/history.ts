/**
 * The app's navigation history: where the reader is, moving to a new address, and guards that may
 * refuse a move (an unsent comment). Three kinds share one shape: the browser's (History API),
 * one in memory (tests), and a fixed one (the build-time prerender).
 */
export interface RouterLocation {
  pathname: string;
  search: string;
  hash: string;
  /** Unique per history entry; scroll positions are remembered by it. */
  key: string;
}

export type NavigationAction = 'push' | 'pop';

/** Says whether the reader may go from `current` to `next`; false keeps them where they are. */
export type NavigationGuard = (next: RouterLocation, current: RouterLocation) => boolean;

export interface AppHistory {
  readonly location: RouterLocation;
  /** How the current location was reached: a link (push) or back/forward (pop). */
  readonly action: NavigationAction;
  /** Whether the page scrolls with it (a real window) or not (tests, prerender). */
  readonly restoresScroll: boolean;
  push(to: string): void;
  listen(listener: () => void): () => void;
  guard(guard: NavigationGuard): () => void;
}

const randomKey = () => Math.random().toString(36).slice(2, 10);

function parse(to: string, key = randomKey()): RouterLocation {
  const url = new URL(to, 'http://app.invalid');
  return { pathname: url.pathname, search: url.search, hash: url.hash, key };
}

/** Shared bookkeeping: listeners and guards. */
function createSubscribers() {
  const listeners = new Set<() => void>();
  const guards = new Set<NavigationGuard>();
  return {
    notify: () => listeners.forEach((listener) => listener()),
    allows: (next: RouterLocation, current: RouterLocation) =>
      [...guards].every((guard) => guard(next, current)),
    listen(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    guard(guard: NavigationGuard) {
      guards.add(guard);
      return () => void guards.delete(guard);
    },
  };
}

interface EntryState {
  key: string;
  index: number;
}

function isEntryState(value: unknown): value is EntryState {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as EntryState).key === 'string' &&
    typeof (value as EntryState).index === 'number'
  );
}

/** The browser's history. Back/forward cannot be cancelled, so a refused one is undone. */
export function createBrowserHistory(win: Window = window): AppHistory {
  const subscribers = createSubscribers();
  // An entry the app has not seen yet (the first one, or one a #fragment link added) gets a key
  // and its place in the stack.
  const current = (newIndex: number): { location: RouterLocation; index: number } => {
    const state: unknown = win.history.state;
    const entry = isEntryState(state) ? state : { key: randomKey(), index: newIndex };
    if (!isEntryState(state)) win.history.replaceState(entry, '');
    const { pathname, search, hash } = win.location;
    return { location: { pathname, search, hash, key: entry.key }, index: entry.index };
  };
  let { location, index } = current(0);
  let action: NavigationAction = 'pop';
  let undoing = false;

  win.addEventListener('popstate', () => {
    if (undoing) {
      undoing = false;
      return;
    }
    const next = current(index + 1);
    if (!subscribers.allows(next.location, location)) {
      undoing = true;
      win.history.go(index - next.index);
      return;
    }
    ({ location, index } = next);
    action = 'pop';
    subscribers.notify();
  });

  return {
    restoresScroll: true,
    get location() {
      return location;
    },
    get action() {
      return action;
    },
    push(to) {
      const next = parse(new URL(to, win.location.href).href);
      if (!subscribers.allows(next, location)) return;
      index += 1;
      win.history.pushState({ key: next.key, index } satisfies EntryState, '', to);
      location = next;
      action = 'push';
      subscribers.notify();
    },
    listen: subscribers.listen,
    guard: subscribers.guard,
  };
}

/** A history in memory, starting at `url`: for tests and the build-time prerender. */
export function createMemoryHistory(url = '/'): AppHistory {
  const subscribers = createSubscribers();
  let location = parse(url);
  let action: NavigationAction = 'pop';
  return {
    restoresScroll: false,
    get location() {
      return location;
    },
    get action() {
      return action;
    },
    push(to) {
      const next = parse(to);
      if (!subscribers.allows(next, location)) return;
      location = next;
      action = 'push';
      subscribers.notify();
    },
    listen: subscribers.listen,
    guard: subscribers.guard,
  };
}

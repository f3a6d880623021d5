import { createContext, use, useEffect, useRef, useSyncExternalStore } from 'react';
import type { AppHistory, NavigationGuard, RouterLocation } from './history';

export const RouterContext = createContext<AppHistory | null>(null);

export function useHistory(): AppHistory {
  const history = use(RouterContext);
  if (!history) throw new Error('useHistory: no <Router> above this component');
  return history;
}

export function useLocation(): RouterLocation {
  const history = useHistory();
  return useSyncExternalStore(
    history.listen,
    () => history.location,
    () => history.location,
  );
}

/** While `guard` is set, every navigation away asks it first. */
export function useNavigationGuard(guard: NavigationGuard | null): void {
  const history = useHistory();
  const latest = useRef(guard);
  useEffect(() => {
    latest.current = guard;
  });
  const active = guard !== null;
  useEffect(() => {
    if (!active) return;
    return history.guard((next, current) => latest.current?.(next, current) ?? true);
  }, [history, active]);
}

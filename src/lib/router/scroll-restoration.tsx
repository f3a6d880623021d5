import { useLayoutEffect, useRef } from 'react';
import { useHistory, useLocation } from './router-context';

const storageKey = 'router:scroll';

function readPositions(): Map<string, number> {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(storageKey) ?? '[]');
    return new Map(Array.isArray(saved) ? (saved as [string, number][]) : []);
  } catch {
    return new Map();
  }
}

/**
 * Scrolls like a multi-page site: a new page starts at the top (or at its #fragment, which the
 * page itself scrolls to), and back, forward and reload return to where the reader was.
 */
export function ScrollRestoration() {
  const history = useHistory();
  const { key } = useLocation();
  const positions = useRef<Map<string, number>>(null);
  const shownKey = useRef(key);

  useLayoutEffect(() => {
    window.history.scrollRestoration = 'manual';
    const saved = (positions.current = readPositions());
    // Back to this document, or a reload: where the reader left this entry.
    const start = saved.get(history.location.key);
    if (start !== undefined) window.scrollTo(0, start);
    // Asked before every navigation: the position still belongs to the page being left.
    const stopGuard = history.guard((_next, current) => {
      saved.set(current.key, window.scrollY);
      return true;
    });
    const save = () => {
      saved.set(history.location.key, window.scrollY);
      try {
        sessionStorage.setItem(storageKey, JSON.stringify([...saved].slice(-50)));
      } catch {
        // Storage unavailable: positions last as long as this document.
      }
    };
    window.addEventListener('pagehide', save);
    return () => {
      stopGuard();
      window.removeEventListener('pagehide', save);
    };
  }, [history]);

  useLayoutEffect(() => {
    if (shownKey.current === key) return;
    shownKey.current = key;
    const saved = history.action === 'pop' ? positions.current?.get(key) : undefined;
    // A #fragment with no remembered position (a link within the page) is the browser's to scroll.
    if (saved !== undefined) window.scrollTo(0, saved);
    else if (!history.location.hash) window.scrollTo(0, 0);
  }, [history, key]);

  return null;
}

import { useEffect, useState, type RefObject } from 'react';

/**
 * True once the element comes within `margin` of the viewport, or (unless `idle` is false) the
 * browser first has a quiet moment, whichever is sooner: the moment to fetch what the element
 * will need, so it is ready when the reader gets there without competing with what they are
 * looking at now. Where the browser cannot tell (no IntersectionObserver, as in jsdom) it is
 * true at once.
 */
export function useNearViewportOrIdle(
  ref: RefObject<Element | null>,
  { margin = '100%', idle = true, idleTimeoutMs = 4000, initial = false } = {},
): boolean {
  const [near, setNear] = useState(initial);
  useEffect(() => {
    if (near) return;
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    if (!idle) return () => observer.disconnect();
    // Safari has no requestIdleCallback: a short timeout after load stands in for it.
    const quiet =
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(() => setNear(true), { timeout: idleTimeoutMs })
        : window.setTimeout(() => setNear(true), 300);
    return () => {
      observer.disconnect();
      if (typeof cancelIdleCallback === 'function') cancelIdleCallback(quiet);
      else window.clearTimeout(quiet);
    };
  }, [near, ref, margin, idle, idleTimeoutMs]);
  return near;
}

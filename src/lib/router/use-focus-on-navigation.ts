import { useEffect, useRef, type RefObject } from 'react';
import { useHistory, useLocation } from './router-context';

/**
 * After a link takes the reader to a new page, focus goes to `target` (the page's main region),
 * as a page load would put it at the top: screen readers announce the new page, and Tab goes on
 * from its start rather than from the link that is gone. A #fragment is left to its page.
 */
export function useFocusOnNavigation(target: RefObject<HTMLElement | null>): void {
  const history = useHistory();
  const { key, hash } = useLocation();
  const shownKey = useRef(key);
  useEffect(() => {
    if (shownKey.current === key) return;
    shownKey.current = key;
    if (history.action === 'push' && !hash) target.current?.focus({ preventScroll: true });
  }, [history, key, hash, target]);
}

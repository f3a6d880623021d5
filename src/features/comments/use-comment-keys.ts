import { useEffect, type RefObject } from 'react';
import { commentKey } from './comment-keys';

/**
 * J and K move to the next and previous comment (as in many mail and feed readers), while focus
 * is inside the comment section and the reader is not typing. Only there: a single-letter
 * shortcut that acts anywhere on the page fires on speech input and stray keys (WCAG 2.1.4).
 * Comments are focusable for this (tabindex -1) without adding tab stops.
 */
export function useCommentKeys(section: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = section.current;
    if (!root) return;
    const within: HTMLElement = root;
    function onKeyDown(event: KeyboardEvent) {
      const key = commentKey(event);
      if (!key) return;
      const comments = [...within.querySelectorAll<HTMLElement>('article.comment__body')];
      if (comments.length === 0) return;
      const current = comments.findIndex((c) => c.contains(document.activeElement));
      const next =
        current < 0
          ? 0
          : Math.min(comments.length - 1, Math.max(0, current + (key === 'j' ? 1 : -1)));
      event.preventDefault();
      comments[next]?.focus();
      comments[next]?.scrollIntoView({ block: 'nearest' });
    }
    within.addEventListener('keydown', onKeyDown);
    return () => within.removeEventListener('keydown', onKeyDown);
  }, [section]);
}

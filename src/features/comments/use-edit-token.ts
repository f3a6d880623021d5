import { useEffect, useState } from 'react';
import { editTokens } from './edit-tokens';

/** This browser's token for its own comment, while the comment can still be changed. */
export function useEditToken(commentId: string, hydrated: boolean) {
  const [entry, setEntry] = useState(() => editTokens.get(commentId, Date.now()));
  useEffect(() => {
    if (!entry) return;
    // The Edit and Delete buttons go away by themselves when the window closes.
    const timer = window.setTimeout(() => setEntry(null), Math.max(0, entry.until - Date.now()));
    return () => window.clearTimeout(timer);
  }, [entry]);
  // None while hydrating server-rendered comments: the server knows no browser's tokens.
  return hydrated ? entry : null;
}

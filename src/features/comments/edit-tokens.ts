import { localStore } from '../../lib/local-store';
import { z } from '../../contract/zod-mini';

const key = 'comments:edit-tokens';
const tokensSchema = z.record(z.string(), z.object({ token: z.string(), until: z.number() }));

function readAll() {
  return localStore.read(key, tokensSchema) ?? {};
}

/**
 * The tokens the server gave this browser for its own comments, kept for their edit window.
 * They are what lets a reader change or remove a comment; nobody else ever receives them.
 */
export const editTokens = {
  /** `editableUntil` is the server's word: the owner's edit window, from the comment's posting. */
  remember(commentId: string, token: string, editableUntil: string): void {
    const now = Date.now();
    const kept = Object.fromEntries(Object.entries(readAll()).filter(([, t]) => t.until > now));
    kept[commentId] = { token, until: Date.parse(editableUntil) };
    localStore.write(key, kept);
  },
  /** The token, while the comment can still be changed. */
  get(commentId: string, now: number): { token: string; until: number } | null {
    const entry = readAll()[commentId];
    return entry && entry.until > now ? entry : null;
  },
  forget(commentId: string): void {
    localStore.write(
      key,
      Object.fromEntries(Object.entries(readAll()).filter(([id]) => id !== commentId)),
    );
  },
};

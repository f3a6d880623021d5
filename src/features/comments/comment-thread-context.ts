import { createContext, use, type ReactNode } from 'react';

/** What every comment in a thread needs from the section, rather than passed down each level. */
export interface CommentThreadContextValue {
  slug: string;
  /** Says something politely to screen reader users. */
  announce: (message: string) => void;
  /** The comment a permalink points at, highlighted once it is on screen. */
  highlightedId: string | null;
  /** The comment a permalink points at, even if not loaded yet: branches hiding it open up. */
  revealId: string | null;
  /** Shown comments that wait for the network to come back before they can be posted. */
  waitingIds: ReadonlySet<string>;
  onReply: (comment: { id: string; author: string }) => void;
  /** The article takes no new comments (closed by a moderator or by age): no Reply buttons. */
  closed: boolean;
  /** The comment the reader is replying to, under which `replyForm` goes. */
  replyingTo: string | null;
  replyForm: ReactNode;
  /** A moderator changed a comment here (moderator-tools-slot.ts): say so and reload the list. */
  onModerated: (message: string) => void;
  /**
   * False while the server's markup hydrates: the comments show it as the server rendered it
   * (dates in a fixed English UTC form, no Edit buttons), then this browser's in a transition.
   */
  hydrated: boolean;
}

export const CommentThreadContext = createContext<CommentThreadContextValue | null>(null);

export function useCommentThread(): CommentThreadContextValue {
  const value = use(CommentThreadContext);
  if (!value) throw new Error('useCommentThread needs a CommentThreadContext provider');
  return value;
}

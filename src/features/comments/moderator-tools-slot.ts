import { createContext, type ComponentType } from 'react';

/** What a comment shows a signed-in moderator: passed what it needs, and how to refresh. */
export interface CommentToolsProps {
  slug: string;
  commentId: string;
  author: string;
  /** Tells the section its list changed (a comment taken down or approved). */
  onChanged: (message: string) => void;
}

export interface HeldCommentsProps {
  slug: string;
  onChanged: (message: string) => void;
}

export interface ModeratorTools {
  CommentTools: ComponentType<CommentToolsProps>;
  HeldComments: ComponentType<HeldCommentsProps>;
}

/**
 * Where the app plugs the moderation menu into the comments: null for readers (always, unless
 * a moderator signed in on this browser), so the section never imports moderation code itself.
 */
export const ModeratorToolsContext = createContext<ModeratorTools | null>(null);

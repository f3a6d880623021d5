import type { ModeratorTools } from '../features/comments/moderator-tools-slot';
import { lazyWithRetry } from '../lib/lazy-with-retry';
import { moderatorHint } from '../lib/moderator-hint';
import { useState } from 'react';

// The menu's code is a chunk of its own (with the moderation contract and its query client),
// fetched only when the page shows it.
const loadTools = () => import('../features/moderation/moderator-tools');
const lazyTools: ModeratorTools = {
  CommentTools: lazyWithRetry(() => loadTools().then((tools) => tools.ModeratorCommentTools)),
  HeldComments: lazyWithRetry(() => loadTools().then((tools) => tools.ModeratorHeldComments)),
};

/**
 * The moderation menu for the comments, or null. Readers pay one localStorage read: the menu
 * loads only where a moderator signed in on this browser (moderator-hint.ts), and it asks the
 * server who is signed in before showing. Read once, in state: the section above the server's
 * comments must not render again before they hydrate (React would then render them afresh);
 * the comments themselves show the menu only once hydrated (the server's HTML has none).
 */
export function useModeratorTools(): ModeratorTools | null {
  const [tools] = useState(() => (moderatorHint.has() ? lazyTools : null));
  return tools;
}

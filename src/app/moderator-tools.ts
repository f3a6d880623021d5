import type { ModeratorTools } from '../features/comments/moderator-tools-slot';
import { lazyWithRetry } from '../lib/lazy-with-retry';
import { moderatorHint } from '../lib/moderator-hint';
import { useHydrated } from '../lib/use-hydrated';

// The menu's code is a chunk of its own (with the moderation contract and its query client),
// fetched only when the page shows it.
const loadTools = () => import('../features/moderation/moderator-tools');
const lazyTools: ModeratorTools = {
  CommentTools: lazyWithRetry(() => loadTools().then((tools) => tools.ModeratorCommentTools)),
  HeldComments: lazyWithRetry(() => loadTools().then((tools) => tools.ModeratorHeldComments)),
};

/**
 * The moderation menu for the comments, or null. Readers pay one localStorage read: the menu
 * loads only where a moderator signed in on this browser (moderator-hint.ts), after hydration
 * (the server's HTML has no menu), and it asks the server who is signed in before showing.
 */
export function useModeratorTools(): ModeratorTools | null {
  const hydrated = useHydrated();
  return hydrated && moderatorHint.has() ? lazyTools : null;
}

/** Where unsent comment posts wait (see queued-comments.ts). */
export const queuedCommentsKey = 'app:query-cache:v1';

/**
 * Whether a comment post waits to be resent, read without loading the comments' code: any page
 * can then send it on its way, even one without a comment section.
 */
export function hasQueuedComments(): boolean {
  try {
    const saved: unknown = JSON.parse(
      globalThis.localStorage?.getItem(queuedCommentsKey) ?? 'null',
    );
    const mutations = (saved as { clientState?: { mutations?: unknown } } | null)?.clientState
      ?.mutations;
    return Array.isArray(mutations) && mutations.length > 0;
  } catch {
    return false;
  }
}

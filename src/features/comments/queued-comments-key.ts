/**
 * Where unsent comment posts wait (see queued-comments.ts): one entry per post, named by its
 * client id, so tabs never write over each other's posts.
 */
export const queuedCommentPrefix = 'app:queued-comment:v2:';
/** The one-key queue of earlier versions, which a second tab could overwrite; read once, moved. */
export const legacyQueueKey = 'app:query-cache:v1';
/** Fired on window when this tab's queue changes (the storage event tells the other tabs). */
export const queueChangedEvent = 'comments:queue-changed';

function storageKeys(): string[] {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return [];
    return Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '');
  } catch {
    return [];
  }
}

/** The keys of every queued post, this tab's and other tabs'. */
export function queuedCommentKeys(): string[] {
  return storageKeys().filter((key) => key.startsWith(queuedCommentPrefix));
}

/**
 * Whether a comment post waits to be resent, read without loading the comments' code: any page
 * can then send it on its way, even one without a comment section.
 */
export function hasQueuedComments(): boolean {
  return queuedCommentKeys().length > 0 || storageKeys().includes(legacyQueueKey);
}

import { isApiError } from '../../lib/api-error';

// When the reader reloads or follows a link, the browser cuts off requests in flight, and a post
// cut off that way fails like a network error, before `pagehide`. Settling it as failed would
// drop it from the saved queue (see queued-comments.ts) just before the page goes away, so the
// next visit would never send it.
let leavingSince = Number.NEGATIVE_INFINITY;
if (typeof window !== 'undefined') {
  window.addEventListener('beforeunload', () => (leavingSince = performance.now()));
}
const leavingWindowMs = 5000;
const retryAfterMs = 1000;

/**
 * Sends with `send`; a network failure while the page is being left is not reported: the post
 * stays pending, so it stays queued if the page goes, and is sent again (same client id, which
 * the server stores once) if the reader stays after all.
 */
export async function keepSendingWhileLeaving<T>(send: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await send();
    } catch (error) {
      const cutOffByLeaving =
        isApiError(error) &&
        error.kind === 'network' &&
        performance.now() - leavingSince < leavingWindowMs;
      if (!cutOffByLeaving) throw error;
      await new Promise((resolve) => setTimeout(resolve, retryAfterMs));
    }
  }
}

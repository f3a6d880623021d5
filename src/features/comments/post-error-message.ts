import { isApiError } from '../../lib/api-error';

/** What the reader is told when a comment could not be posted; their text is always kept. */
export function postErrorMessage(error: unknown): { message: string; canRetry: boolean } {
  if (isApiError(error)) {
    if (error.kind === 'network') {
      return {
        message:
          'Your comment wasn’t sent: the server can’t be reached. Check your connection and try again — your text is kept.',
        canRetry: true,
      };
    }
    if (error.kind === 'malformed') {
      return {
        message:
          'We couldn’t read the server’s reply, so we can’t tell whether your comment was posted. Try again — it won’t be posted twice.',
        canRetry: true,
      };
    }
    if (error.status === 409) return { message: error.message, canRetry: false };
    if (error.status === 429) {
      const wait = error.retryAfterSeconds;
      const when =
        wait === undefined
          ? 'Wait a few seconds, then try again.'
          : `You can post again in ${wait} second${wait === 1 ? '' : 's'}.`;
      return {
        message: `You are posting comments too quickly. Slow down. ${when}`,
        canRetry: false,
      };
    }
    if (error.status >= 500) {
      return {
        message: `Your comment wasn’t posted: the server had a problem (error ${error.status}). Your text is kept; try again in a moment.`,
        canRetry: true,
      };
    }
    return { message: error.message, canRetry: false };
  }
  return {
    message: 'Your comment wasn’t posted. Your text is kept; please try again.',
    canRetry: true,
  };
}

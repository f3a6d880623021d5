import { isApiError } from './api-error';

/** Maps any failure to words a reader understands; the one place that does so. */
export function describeError(error: unknown): { title: string; detail: string } {
  if (isApiError(error)) {
    switch (error.kind) {
      case 'network':
        return {
          title: 'Can’t reach the server',
          detail: 'Check your connection, then try again.',
        };
      case 'malformed':
        return {
          title: 'Something went wrong on our side',
          detail: 'The server sent a reply we couldn’t read. Trying again usually helps.',
        };
      case 'http':
        if (error.status >= 500)
          return {
            title: 'The server had a problem',
            detail: `It answered with an error (${error.status}). Please try again in a moment.`,
          };
        return { title: 'That didn’t work', detail: error.message };
    }
  }
  return { title: 'Something went wrong', detail: 'Please try again.' };
}

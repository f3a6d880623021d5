import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../src/app/app';
import type { InitialComments } from '../src/app/initial-comments';
import { createArticleData } from '../src/features/article/article-data';
import { resetCommentsQueryClient } from '../src/features/comments/comments-query-client';
import { createMemoryHistory } from '../src/lib/router/history';

/**
 * Renders the real app (routes, providers) at a URL, with fresh caches per call. What the
 * browser keeps (localStorage) survives between calls in a test, like a reload.
 */
export function renderApp(
  url = '/',
  { initialComments = null }: { initialComments?: InitialComments | null } = {},
) {
  // The app's own clients, minus automatic retries of failed reads, so a failure shows at once.
  resetCommentsQueryClient({ retryQueries: false });
  const articleData = createArticleData({ retryDelays: [] });
  const history = createMemoryHistory(url);
  const user = userEvent.setup();
  const view = render(
    <App history={history} articleData={articleData} initialComments={initialComments} />,
  );
  return { ...view, user, history };
}

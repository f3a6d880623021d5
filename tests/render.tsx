import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../src/app/app';
import { createQueryClient } from '../src/app/query-client';
import { createMemoryHistory } from '../src/lib/router/history';

/**
 * Renders the real app (routes, providers) at a URL, with a fresh QueryClient per call. What
 * the browser keeps (localStorage) survives between calls in a test, like a reload.
 */
export function renderApp(url = '/') {
  // The app's own client (mutation defaults included), minus query retries, so a failure shows
  // at once.
  const queryClient = createQueryClient();
  const defaults = queryClient.getDefaultOptions();
  queryClient.setDefaultOptions({ ...defaults, queries: { ...defaults.queries, retry: false } });
  const history = createMemoryHistory(url);
  const user = userEvent.setup();
  const view = render(<App queryClient={queryClient} history={history} />);
  return { ...view, user, history, queryClient };
}

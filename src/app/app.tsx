import type { QueryClient } from '@tanstack/react-query';
import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client';
import { useMemo } from 'react';
import { ErrorBoundary } from '../components/error-boundary';
import type { AppHistory } from '../lib/router/history';
import { Router } from '../lib/router/router';
import { ScrollRestoration } from '../lib/router/scroll-restoration';
import { Layout } from './layout';
import { registerMutationDefaults } from './query-client';
import { createPersistOptions } from './query-persistence';
import { RouteErrorPage } from './route-error-page';
import { Routes } from './routes';

export function App({ queryClient, history }: { queryClient: QueryClient; history: AppHistory }) {
  const persistOptions = useMemo(
    () => createPersistOptions(() => registerMutationDefaults(queryClient)),
    [queryClient],
  );
  return (
    <ErrorBoundary fallback={() => <RouteErrorPage />}>
      <PersistQueryClientProvider
        client={queryClient}
        persistOptions={persistOptions}
        // Comments queued offline (in this tab or one that was closed) go out once restored.
        onSuccess={() => void queryClient.resumePausedMutations()}
      >
        <Router history={history}>
          <Layout>
            <Routes />
          </Layout>
          {history.restoresScroll && <ScrollRestoration />}
        </Router>
      </PersistQueryClientProvider>
    </ErrorBoundary>
  );
}

import type { QueryClient } from '@tanstack/react-query';
import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client';
import { RouterProvider, type DataRouter } from 'react-router';
import { persistOptions } from './query-persistence';

export function App({ queryClient, router }: { queryClient: QueryClient; router: DataRouter }) {
  return (
    <PersistQueryClientProvider
      client={queryClient}
      persistOptions={persistOptions}
      // Comments queued offline (in this tab or one that was closed) go out once restored.
      onSuccess={() => void queryClient.resumePausedMutations()}
    >
      <RouterProvider router={router} />
    </PersistQueryClientProvider>
  );
}

import type { QueryClient } from '@tanstack/react-query';
import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client';
import { useMemo } from 'react';
import { RouterProvider, type DataRouter } from 'react-router';
import { registerMutationDefaults } from './query-client';
import { createPersistOptions } from './query-persistence';

export function App({ queryClient, router }: { queryClient: QueryClient; router: DataRouter }) {
  const persistOptions = useMemo(
    () => createPersistOptions(() => registerMutationDefaults(queryClient)),
    [queryClient],
  );
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

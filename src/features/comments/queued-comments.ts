import type { Mutation } from '@tanstack/react-query';
import type { PersistedClient, Persister } from '@tanstack/react-query-persist-client';
import { localStore } from '../../lib/local-store';
import { z } from '../../contract/zod';
import { queuedCommentsKey } from './queued-comments-key';

const persistedClientSchema = z.custom<PersistedClient>(
  (value) => typeof value === 'object' && value !== null && 'clientState' in value,
);

// When the page goes away, its in-flight requests are cut off and their posts fail; saving that
// would erase the very posts the next visit must resend. So nothing is saved once the page hides.
let pageHidden = false;
if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => (pageHidden = true));
  window.addEventListener('pageshow', () => (pageHidden = false));
}

/**
 * Writes at once, with no throttle: a comment queued a moment before the tab closes must be on
 * disk by then. Only unsent comment posts are kept (see shouldDehydrateMutation), so it is small.
 */
export const queryPersister: Persister = {
  persistClient(client) {
    if (pageHidden) return;
    // A post that was in flight when the tab closed is resumed like a paused one: resending
    // is safe, since the server recognises its client id.
    // (Copies: the dehydrated state objects are the live mutations' own.)
    const mutations = client.clientState.mutations.map((mutation) => ({
      ...mutation,
      state: { ...mutation.state, isPaused: true },
    }));
    localStore.write(queuedCommentsKey, {
      ...client,
      clientState: { ...client.clientState, mutations },
    });
  },
  restoreClient: () => localStore.read(queuedCommentsKey, persistedClientSchema) ?? undefined,
  removeClient: () => localStore.remove(queuedCommentsKey),
};

/** For persistQueryClient: unsent comment posts survive a closed tab, for a week. */
export const queuedCommentsPersistOptions = {
  persister: queryPersister,
  maxAge: 7 * 24 * 60 * 60 * 1000,
  buster: 'v1',
  dehydrateOptions: {
    shouldDehydrateQuery: () => false,
    shouldDehydrateMutation: (mutation: Mutation) => mutation.state.status === 'pending',
  },
};

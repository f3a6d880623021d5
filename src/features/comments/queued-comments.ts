import type { DehydratedState, Mutation } from '@tanstack/react-query';
import type { PersistedClient, Persister } from '@tanstack/react-query-persist-client';
import { localStore } from '../../lib/local-store';
import { isTransient } from '../../lib/remote-data';
import { z } from '../../contract/zod-mini';
import {
  legacyQueueKey,
  queueChangedEvent,
  queuedCommentKeys,
  queuedCommentPrefix,
} from './queued-comments-key';

type QueuedMutation = DehydratedState['mutations'][number];

const maxAgeMs = 7 * 24 * 60 * 60 * 1000;
const buster = 'v1';

const entrySchema = z.object({
  savedAt: z.number(),
  mutation: z.custom<QueuedMutation>(
    (value) => typeof value === 'object' && value !== null && 'state' in value,
  ),
});
const legacySchema = z.object({
  clientState: z.object({ mutations: z.array(z.custom<QueuedMutation>((v) => !!v)) }),
});
const withClientId = z.object({ request: z.object({ clientId: z.string() }) });

/** The client id a comment post was sent with: it names the post's queue entry. */
export function postClientId(variables: unknown): string | null {
  const parsed = withClientId.safeParse(variables);
  return parsed.success ? parsed.data.request.clientId : null;
}

const entryKey = (clientId: string) => `${queuedCommentPrefix}${clientId}`;

// When the page goes away, its in-flight requests are cut off and their posts fail; saving that
// would erase the very posts the next visit must resend. So nothing is saved once the page hides.
let pageHidden = false;
if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => (pageHidden = true));
  window.addEventListener('pageshow', () => (pageHidden = false));
}

/**
 * The posts this tab looks after, by client id, each with a Web Lock held for as long as this tab
 * has it: a tab that opens later skips a post whose lock another live tab holds, and a post
 * whose tab was closed (which frees its lock) goes to the first tab that asks.
 */
const owned = new Map<string, () => void>();

function release(clientId: string): void {
  owned.get(clientId)?.();
  owned.delete(clientId);
}

/** Takes the post's lock; false when another tab holds it. */
function claim(clientId: string): Promise<boolean> {
  if (owned.has(clientId)) return Promise.resolve(true);
  const locks = globalThis.navigator?.locks;
  // No Web Locks (older browsers, jsdom): every tab may resend; the server stores a client id once.
  if (!locks) {
    owned.set(clientId, () => {});
    return Promise.resolve(true);
  }
  return new Promise((resolve) => {
    void locks.request(`${queuedCommentPrefix}${clientId}`, { ifAvailable: true }, (lock) => {
      if (!lock) {
        resolve(false);
        return;
      }
      return new Promise<void>((unlock) => {
        owned.set(clientId, unlock);
        resolve(true);
      });
    });
  });
}

/** As when the page goes (tests' "reloads"): the posts stay queued, their locks are let go. */
export function releaseQueuedPosts(): void {
  for (const clientId of [...owned.keys()]) release(clientId);
}

/** A post this tab started: a new id, so its lock is free and the post is this tab's at once. */
function claimNew(clientId: string): void {
  if (owned.has(clientId)) return;
  owned.set(clientId, () => {}); // until the lock is granted (within a task)
  void globalThis.navigator?.locks?.request(
    `${queuedCommentPrefix}${clientId}`,
    () =>
      new Promise<void>((unlock) => {
        if (owned.has(clientId)) owned.set(clientId, unlock);
        else unlock(); // settled before the lock came
      }),
  );
}

function announceChange(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(queueChangedEvent));
}

/** Earlier versions kept the whole queue under one key: moved to one entry per post. */
function moveLegacyQueue(): void {
  const legacy = localStore.read(legacyQueueKey, legacySchema);
  for (const mutation of legacy?.clientState.mutations ?? []) {
    const clientId = postClientId(mutation.state.variables);
    if (clientId) localStore.write(entryKey(clientId), { savedAt: Date.now(), mutation });
  }
  localStore.remove(legacyQueueKey);
}

/**
 * Posts that failed (a network failure, a server error) with no form on screen to show it and
 * retry: the reader would never hear of them, so they stay queued, shown by the notice.
 */
const leftWithoutForm = new WeakSet<Mutation>();
/** Client ids of posts a comment form on screen is sending: it shows their failures itself. */
const formPosts = new Set<string>();

/** A form on screen sends this post; call the result when the form goes. */
export function watchPost(clientId: string): () => void {
  formPosts.add(clientId);
  return () => void formPosts.delete(clientId);
}

/** For the query client's mutation cache: a failed post that no form will show stays queued. */
export function noteFailedPost(error: unknown, mutation: Mutation<unknown, unknown, unknown>) {
  const clientId = postClientId(mutation.state.variables);
  if (clientId && !formPosts.has(clientId) && isTransient(error)) {
    leftWithoutForm.add(mutation as Mutation);
  }
}

/** A queued post that failed and waits for the reader (or the next visit) to send it again. */
export function isWaitingAfterFailure(mutation: Mutation): boolean {
  return mutation.state.status === 'error' && leftWithoutForm.has(mutation);
}

/**
 * Writes at once, with no throttle: a comment queued a moment before the tab closes must be on
 * disk by then. Each post is its own entry, written and removed only by the tab that owns it,
 * so a tab whose list changes never erases another tab's posts.
 */
export const queryPersister: Persister = {
  persistClient(client) {
    if (pageHidden) return;
    const kept = new Map<string, QueuedMutation>();
    // In order of creation: the latest attempt for a client id is the one that counts.
    for (const mutation of client.clientState.mutations) {
      const clientId = postClientId(mutation.state.variables);
      if (clientId) kept.set(clientId, mutation);
    }
    let changed = false;
    for (const [clientId, mutation] of kept) {
      if (!owned.has(clientId)) changed = true;
      claimNew(clientId);
      // A post in flight when the tab closed is resumed like a paused one: resending is safe,
      // since the server recognises its client id. (Copies: these are the live mutations' own.)
      localStore.write(entryKey(clientId), {
        savedAt: Date.now(),
        mutation: { ...mutation, state: { ...mutation.state, status: 'pending', isPaused: true } },
      });
    }
    // Settled (posted, or refused): nothing of it, the reader's email included, stays stored.
    for (const clientId of [...owned.keys()]) {
      if (kept.has(clientId)) continue;
      localStore.remove(entryKey(clientId));
      release(clientId);
      changed = true;
    }
    if (changed) announceChange();
  },
  async restoreClient(): Promise<PersistedClient> {
    moveLegacyQueue();
    const mutations: QueuedMutation[] = [];
    for (const key of queuedCommentKeys()) {
      const clientId = key.slice(queuedCommentPrefix.length);
      const entry = localStore.read(key, entrySchema);
      if (!entry || Date.now() - entry.savedAt > maxAgeMs) {
        localStore.remove(key);
        continue;
      }
      if (!(await claim(clientId))) continue; // Another open tab is sending it.
      // It may have been sent and removed by the tab that held it until now.
      const current = localStore.read(key, entrySchema);
      if (current) mutations.push(current.mutation);
      else release(clientId);
    }
    return { timestamp: Date.now(), buster, clientState: { mutations, queries: [] } };
  },
  removeClient() {
    for (const clientId of [...owned.keys()]) {
      localStore.remove(entryKey(clientId));
      release(clientId);
    }
  },
};

/** For persistQueryClient: unsent comment posts survive a closed tab, for a week. */
export const queuedCommentsPersistOptions = {
  persister: queryPersister,
  maxAge: maxAgeMs,
  buster,
  dehydrateOptions: {
    shouldDehydrateQuery: () => false,
    shouldDehydrateMutation: (mutation: Mutation) =>
      mutation.state.status === 'pending' || isWaitingAfterFailure(mutation),
  },
};

/**
 * Pages of comments as every reader without a held comment gets them, kept as the bytes the
 * server sent (the JSON, and its compressed forms once asked for), each under the version of
 * its article's comments it was made from (articles.comments_version, which every change of a
 * comment sets in its transaction). The version is read from the database with the article on
 * every request, so a change made through any server process is seen at the next request;
 * maxAgeMs bounds how long a change made around the server (SQL by hand) can go unseen. Least
 * recently used pages go first past maxBytes.
 */
export type Bytes = Uint8Array<ArrayBuffer>;

export interface PageCache {
  get(key: string, version: string): Bytes | undefined;
  set(key: string, version: string, body: Bytes): void;
  /**
   * The page under this key and version: kept, being made (for a reader who asked a moment
   * before: after a change, a hundred readers at once make it once), or made now by `make` and
   * kept. A null from `make` (nothing to show) is passed on, not kept.
   */
  getOrMake(key: string, version: string, make: () => Promise<Bytes | null>): Promise<Bytes | null>;
  /** The bytes held. */
  readonly size: number;
}

interface Entry {
  version: string;
  body: Bytes;
  at: number;
}

export interface PageCacheOptions {
  maxBytes?: number;
  maxAgeMs?: number;
  now?: () => number;
}

export function createPageCache({
  maxBytes = 32 * 1024 * 1024,
  maxAgeMs = 10_000,
  now = Date.now,
}: PageCacheOptions = {}): PageCache {
  // A Map keeps insertion order: the first key is the least recently used one.
  const entries = new Map<string, Entry>();
  const making = new Map<string, Promise<Bytes | null>>();
  let size = 0;

  function drop(key: string, entry: Entry) {
    entries.delete(key);
    size -= entry.body.byteLength;
  }

  function get(key: string, version: string) {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== version || now() - entry.at > maxAgeMs) {
      drop(key, entry);
      return undefined;
    }
    entries.delete(key);
    entries.set(key, entry);
    return entry.body;
  }

  function set(key: string, version: string, body: Bytes) {
    const old = entries.get(key);
    if (old) drop(key, old);
    if (body.byteLength > maxBytes) return;
    entries.set(key, { version, body, at: now() });
    size += body.byteLength;
    for (const [oldest, entry] of entries) {
      if (size <= maxBytes) break;
      drop(oldest, entry);
    }
  }

  return {
    get,
    set,
    getOrMake(key, version, make) {
      const kept = get(key, version);
      if (kept) return Promise.resolve(kept);
      const id = `${version} ${key}`;
      let pending = making.get(id);
      if (!pending) {
        pending = make()
          .then((body) => {
            if (body) set(key, version, body);
            return body;
          })
          .finally(() => making.delete(id));
        making.set(id, pending);
      }
      return pending;
    },
    get size() {
      return size;
    },
  };
}

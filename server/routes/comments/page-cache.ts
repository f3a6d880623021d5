/**
 * Pages of comments as every reader without a held comment gets them, kept as the bytes the
 * server sent (the JSON, and its compressed forms once asked for), each under the version of its article's comments it was made from
 * (articles.comments_version, which every change of a comment sets in its transaction). The
 * version is read from the database with the article on every request, so a change made through
 * any server process is seen at the next request; maxAgeMs bounds how long a change made around
 * the server (SQL by hand) can go unseen. Least recently used pages go first past maxBytes.
 */
export interface PageCache {
  get(key: string, version: string): Uint8Array<ArrayBuffer> | undefined;
  set(key: string, version: string, body: Uint8Array<ArrayBuffer>): void;
  /** The bytes held. */
  readonly size: number;
}

interface Entry {
  version: string;
  body: Uint8Array<ArrayBuffer>;
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
  let size = 0;

  function drop(key: string, entry: Entry) {
    entries.delete(key);
    size -= entry.body.byteLength;
  }

  return {
    get(key, version) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.version !== version || now() - entry.at > maxAgeMs) {
        drop(key, entry);
        return undefined;
      }
      entries.delete(key);
      entries.set(key, entry);
      return entry.body;
    },
    set(key, version, body) {
      const old = entries.get(key);
      if (old) drop(key, old);
      if (body.byteLength > maxBytes) return;
      entries.set(key, { version, body, at: now() });
      size += body.byteLength;
      for (const [oldest, entry] of entries) {
        if (size <= maxBytes) break;
        drop(oldest, entry);
      }
    },
    get size() {
      return size;
    },
  };
}

import { safeParse, type ParsingSchema } from './schema';

/**
 * localStorage that never throws (private mode, full quota, no window while prerendering) and
 * parses what it reads, so a value written by an older version cannot break the page.
 */
export const localStore = {
  /** The stored value if `schema` (or a type guard, for simple values) accepts it. */
  read<T>(key: string, schema: ParsingSchema<T> | ((value: unknown) => value is T)): T | null {
    try {
      const raw = globalThis.localStorage?.getItem(key);
      if (raw == null) return null;
      const value: unknown = JSON.parse(raw);
      if (typeof schema === 'function') return schema(value) ? value : null;
      const parsed = safeParse(schema, value);
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  },
  write(key: string, value: unknown): void {
    try {
      globalThis.localStorage?.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or unavailable: the feature degrades to this visit only.
    }
  },
  remove(key: string): void {
    try {
      globalThis.localStorage?.removeItem(key);
    } catch {
      // As above.
    }
  },
};

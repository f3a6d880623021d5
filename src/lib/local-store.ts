import type { z } from 'zod';

/**
 * localStorage that never throws (private mode, full quota, no window while prerendering) and
 * parses what it reads, so a value written by an older version cannot break the page.
 */
export const localStore = {
  read<S extends z.ZodType>(key: string, schema: S): z.output<S> | null {
    try {
      const raw = globalThis.localStorage?.getItem(key);
      if (raw == null) return null;
      const parsed = schema.safeParse(JSON.parse(raw));
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

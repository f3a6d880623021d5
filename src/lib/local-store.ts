import type { $ZodType, output } from 'zod/v4/core';
import { z } from './zod-mini';

/**
 * localStorage that never throws (private mode, full quota, no window while prerendering) and
 * parses what it reads, so a value written by an older version cannot break the page.
 */
export const localStore = {
  read<S extends $ZodType>(key: string, schema: S): output<S> | null {
    try {
      const raw = globalThis.localStorage?.getItem(key);
      if (raw == null) return null;
      // The functional form takes any schema, zod's or zod/mini's.
      const parsed = z.safeParse(schema, JSON.parse(raw));
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

import { eq } from 'drizzle-orm';
import {
  defaultModerationSettings,
  moderationSettingsSchema,
  type ModerationSettings,
} from '../../../src/contract/moderation';
import type { Queryable } from '../../db/client';
import { moderationSettings } from '../../db/schema';

/** The owner's rules as saved (defaults for any field added since), or null if never saved. */
export async function loadStoredSettings(db: Queryable): Promise<ModerationSettings | null> {
  const [row] = await db
    .select({ settings: moderationSettings.settings })
    .from(moderationSettings)
    .where(eq(moderationSettings.id, 1));
  if (!row) return null;
  const parsed = moderationSettingsSchema.safeParse(row.settings);
  return parsed.success ? parsed.data : null;
}

/** The owner's rules, or the defaults. */
export async function loadSettings(db: Queryable): Promise<ModerationSettings> {
  return (await loadStoredSettings(db)) ?? defaultModerationSettings;
}

export async function saveSettings(db: Queryable, settings: ModerationSettings, now: Date) {
  await db
    .insert(moderationSettings)
    .values({ id: 1, settings, updatedAt: now })
    .onConflictDoUpdate({ target: moderationSettings.id, set: { settings, updatedAt: now } });
}

export interface SettingsReader {
  get(): Promise<ModerationSettings>;
  /** After this process saved new ones: its next read goes to the database. */
  forget(): void;
}

/**
 * The rules, read at most once a second per process: every new comment asks for them, and a
 * change made through another server process reaches this one within a second.
 */
export function createSettingsReader(db: Queryable, maxAgeMs = 1000): SettingsReader {
  let cached: { at: number; value: Promise<ModerationSettings> } | null = null;
  return {
    get() {
      const at = performance.now();
      if (!cached || at - cached.at > maxAgeMs) {
        const value = loadSettings(db);
        cached = { at, value };
        // A failed read is not kept: the next request tries again.
        value.catch(() => {
          if (cached?.value === value) cached = null;
        });
      }
      return cached.value;
    },
    forget() {
      cached = null;
    },
  };
}

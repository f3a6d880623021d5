import { z } from '../src/contract/zod-mini';
import {
  auditActionSchema,
  defaultModerationSettings,
  moderationSettingsSchema,
  type ModerationSettings,
} from '../src/contract/moderation';

/**
 * The mock's development account: sign in with it at /moderate under `npm run dev`. Shown on
 * the mock panel and in the README; it exists only in the mock, never on a server.
 */
export const devModeratorAccount = {
  name: 'Dev Moderator',
  email: 'moderator@example.test',
  password: 'moderate-locally',
} as const;

const isoDate = z.string();

const stateSchema = z.object({
  sessions: z.array(
    z.object({
      token: z.string(),
      moderatorId: z.string(),
      lastSeenAt: isoDate,
      expiresAt: isoDate,
    }),
  ),
  failures: z.record(
    z.string(),
    z.object({ failures: z.number(), lastFailureAt: isoDate, lockedUntil: z.nullable(isoDate) }),
  ),
  audit: z.array(
    z.object({
      id: z.string(),
      at: isoDate,
      moderatorId: z.string(),
      action: auditActionSchema,
      commentId: z.nullable(z.string()),
      articleSlug: z.nullable(z.string()),
      fromStatus: z.nullable(z.string()),
      toStatus: z.nullable(z.string()),
      detail: z.nullable(z.string()),
    }),
  ),
  settings: moderationSettingsSchema,
});
type State = z.infer<typeof stateSchema>;
export type MockAuditEntry = State['audit'][number];

// Beside the comments, in localStorage: a developer stays signed in across reloads.
const storageKey = 'mock-api:moderation:v1';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

const fresh = (): State => ({
  sessions: [],
  failures: {},
  audit: [],
  settings: defaultModerationSettings,
});

let state: State | null = null;

function load(): State {
  if (state) return state;
  let parsed: State | null = null;
  try {
    const raw = storage()?.getItem(storageKey);
    const result = raw ? stateSchema.safeParse(JSON.parse(raw)) : null;
    parsed = result?.success ? result.data : null;
  } catch {
    parsed = null;
  }
  state = parsed ?? fresh();
  return state;
}

function save(): void {
  if (state) storage()?.setItem(storageKey, JSON.stringify(state));
}

/** The one account the mock knows, with id "1": an editor, so every screen can be tried. */
export const devModerator = { id: '1', role: 'editor' as const, ...devModeratorAccount };

export const moderationDb = {
  state(): State {
    return load();
  },
  /** Runs a change on the state and keeps it. */
  change<T>(apply: (current: State) => T): T {
    const result = apply(load());
    save();
    return result;
  },
  settings(): ModerationSettings {
    return load().settings;
  },
};

export function resetModerationDb(): void {
  storage()?.removeItem(storageKey);
  state = null;
}

import { adminArticlesDb } from './admin-articles-db';
import { z } from '../src/contract/zod-mini';
import { commentSchema } from '../src/contract/comments';
import { heldReasonSchema } from '../src/contract/moderation';
import { commentFixtures } from './fixtures/comments';
import { resetModerationDb } from './moderation-db';

/** What the mock server keeps about a comment: the public part plus what it never publishes. */
const storedCommentSchema = z.extend(commentSchema, {
  /** Readers see approved, deleted and (their own) pending ones; moderators the rest too. */
  status: z.enum(['approved', 'pending', 'deleted', 'spam', 'trash']),
  articleSlug: z.string(),
  email: z.string(),
  /** The random token the author's browser keeps; lets that browser see its held comments. */
  authorToken: z.nullable(z.string()),
  clientId: z.nullable(z.string()),
  /** Proves authorship for the edit window; only ever sent to the author, in the POST reply. */
  editToken: z.nullable(z.string()),
  /** Why the rules held it (moderation.ts heldReasonSchema); older saved states lack it. */
  heldReasons: z._default(z.array(heldReasonSchema), []),
  /** The status before a moderator sent it to spam or trash. */
  statusBefore: z._default(z.nullable(z.enum(['approved', 'pending'])), null),
  /** The sender's address, as the server keeps it; the mock has none but a documentation one. */
  ip: z._default(z.nullable(z.string()), null),
});
export type StoredComment = z.infer<typeof storedCommentSchema>;
export type NewStoredComment = Omit<z.input<typeof storedCommentSchema>, 'id'>;

const stateSchema = z.object({ comments: z.array(storedCommentSchema), nextId: z.int() });
type State = z.infer<typeof stateSchema>;

// Kept in the browser's localStorage (where there is one) so a developer's comments survive a
// reload, like a real server's database would.
const storageKey = 'mock-api:db:v2';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function seededState(): State {
  return stateSchema.parse({ comments: commentFixtures, nextId: commentFixtures.length + 1 });
}

let state: State | null = null;

function load(): State {
  if (state) return state;
  const raw = storage()?.getItem(storageKey);
  const parsed = raw ? stateSchema.safeParse(safeJson(raw)) : null;
  state = parsed?.success ? parsed.data : seededState();
  return state;
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

function save(): void {
  if (state) storage()?.setItem(storageKey, JSON.stringify(state));
}

export const db = {
  comments(articleSlug: string): StoredComment[] {
    return load().comments.filter((c) => c.articleSlug === articleSlug);
  },
  all(): readonly StoredComment[] {
    return load().comments;
  },
  update(id: string, change: Partial<StoredComment>): StoredComment | null {
    const current = load();
    const index = current.comments.findIndex((c) => c.id === id);
    const existing = current.comments[index];
    if (!existing) return null;
    const updated = { ...existing, ...change, id };
    current.comments[index] = updated;
    save();
    return updated;
  },
  remove(id: string): void {
    const current = load();
    current.comments = current.comments.filter((c) => c.id !== id);
    save();
  },
  insert(comment: NewStoredComment): StoredComment {
    const current = load();
    const stored = storedCommentSchema.parse({ ...comment, id: String(current.nextId) });
    current.nextId += 1;
    current.comments.push(stored);
    save();
    return stored;
  },
};

/** Puts the mock database back to its seeded state (and forgets what the browser kept). */
export function resetMockDb(): void {
  storage()?.removeItem(storageKey);
  state = null;
  resetModerationDb();
  adminArticlesDb.reset();
}

import { and, eq, sql } from 'drizzle-orm';
import { sessionLifetimes, type ModerationSession } from '../../../src/contract/moderation';
import type { Queryable } from '../../db/client';
import { moderatorSessions, moderators } from '../../db/schema';
import { hashToken, newToken } from '../../lib/tokens';

const idleMs = sessionLifetimes.idleMinutes * 60 * 1000;
const absoluteMs = sessionLifetimes.absoluteHours * 60 * 60 * 1000;
/** last_seen_at is written at most this often: not one write per request. */
const touchEveryMs = 60 * 1000;

export type ModeratorRow = typeof moderators.$inferSelect;

export async function findModeratorByEmail(db: Queryable, email: string) {
  const [row] = await db
    .select()
    .from(moderators)
    .where(sql`lower(${moderators.email}) = lower(${email.trim()})`)
    .limit(1);
  return row ?? null;
}

export function sessionBody(
  moderator: ModeratorRow,
  session: { lastSeenAt: Date; expiresAt: Date },
): ModerationSession {
  const idle = new Date(
    Math.min(session.lastSeenAt.getTime() + idleMs, session.expiresAt.getTime()),
  );
  return {
    moderator: {
      id: String(moderator.id),
      name: moderator.name,
      email: moderator.email,
      role: moderator.role,
    },
    idleExpiresAt: idle.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
  };
}

/** A new session: the token goes in the cookie, its hash in the table. */
export async function createSession(db: Queryable, moderator: ModeratorRow, now: Date) {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + absoluteMs);
  await db.insert(moderatorSessions).values({
    tokenHash: hashToken(token),
    moderatorId: moderator.id,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { token, body: sessionBody(moderator, { lastSeenAt: now, expiresAt }) };
}

export interface ActiveSession {
  sessionId: number;
  moderator: ModeratorRow;
  body: ModerationSession;
}

/**
 * The session a token opens, if it is still good: not idle too long, not past its absolute
 * expiry, its moderator not disabled. A good one is kept alive; an expired one is removed.
 */
export async function resumeSession(
  db: Queryable,
  token: string,
  now: Date,
): Promise<ActiveSession | null> {
  const [row] = await db
    .select({ session: moderatorSessions, moderator: moderators })
    .from(moderatorSessions)
    .innerJoin(moderators, eq(moderators.id, moderatorSessions.moderatorId))
    .where(eq(moderatorSessions.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) return null;
  const { session, moderator } = row;
  const at = now.getTime();
  const expired = at >= session.expiresAt.getTime() || at >= session.lastSeenAt.getTime() + idleMs;
  if (expired || moderator.disabledAt) {
    await db.delete(moderatorSessions).where(eq(moderatorSessions.id, session.id));
    return null;
  }
  let lastSeenAt = session.lastSeenAt;
  if (at - lastSeenAt.getTime() >= touchEveryMs) {
    lastSeenAt = now;
    await db
      .update(moderatorSessions)
      .set({ lastSeenAt })
      .where(eq(moderatorSessions.id, session.id));
  }
  return {
    sessionId: session.id,
    moderator,
    body: sessionBody(moderator, { lastSeenAt, expiresAt: session.expiresAt }),
  };
}

export async function endSession(db: Queryable, sessionId: number) {
  await db.delete(moderatorSessions).where(eq(moderatorSessions.id, sessionId));
}

export async function endAllSessions(db: Queryable, moderatorId: number) {
  await db.delete(moderatorSessions).where(and(eq(moderatorSessions.moderatorId, moderatorId)));
}

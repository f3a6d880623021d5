import { asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { moderatorSessions, moderators } from '../../db/schema';
import { hashPassword, type PasswordCost } from '../../lib/passwords';

export class ModeratorExistsError extends Error {
  override name = 'ModeratorExistsError';
}

/** A new moderator; refuses an email address (any case) that one already has. */
export async function addModerator(
  db: Queryable,
  account: { name: string; email: string; password: string; role?: 'moderator' | 'editor' },
  cost?: PasswordCost,
) {
  const passwordHash = await hashPassword(account.password, cost);
  const [row] = await db
    .insert(moderators)
    .values({
      name: account.name,
      email: account.email,
      passwordHash,
      role: account.role ?? 'moderator',
    })
    .onConflictDoNothing()
    .returning();
  if (!row)
    throw new ModeratorExistsError(`A moderator with the address ${account.email} exists already.`);
  return row;
}

export async function listModerators(db: Queryable) {
  return db
    .select({
      id: moderators.id,
      name: moderators.name,
      email: moderators.email,
      role: moderators.role,
      disabledAt: moderators.disabledAt,
      createdAt: moderators.createdAt,
    })
    .from(moderators)
    .orderBy(asc(moderators.id));
}

const byEmail = (email: string) => sql`lower(${moderators.email}) = lower(${email.trim()})`;

/** Disables an account and ends its sessions; false when no account has the address. */
export async function disableModerator(db: Queryable, email: string, now: Date) {
  const [row] = await db
    .update(moderators)
    .set({ disabledAt: now })
    .where(byEmail(email))
    .returning({ id: moderators.id });
  if (!row) return false;
  await db.delete(moderatorSessions).where(eq(moderatorSessions.moderatorId, row.id));
  return true;
}

/** A new password (which also enables a disabled account), and every session ended. */
export async function resetModeratorPassword(
  db: Queryable,
  email: string,
  password: string,
  cost?: PasswordCost,
) {
  const passwordHash = await hashPassword(password, cost);
  const [row] = await db
    .update(moderators)
    .set({ passwordHash, disabledAt: null })
    .where(byEmail(email))
    .returning({ id: moderators.id });
  if (!row) return false;
  await db.delete(moderatorSessions).where(eq(moderatorSessions.moderatorId, row.id));
  return true;
}

import { inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { signInFailures } from '../../db/schema';
import { hashToken } from '../../lib/tokens';
import { lockSeconds, signInLimits } from '../../../src/contract/moderation-rules';

export { signInLimits };

export function limitKeys(email: string, ip: string | null) {
  return {
    account: `account:${hashToken(email.trim().toLowerCase())}`,
    ip: `ip:${hashToken(ip ?? 'unknown')}`,
  };
}

/** Seconds until the latest lock on any of these keys ends, or 0 when none holds. */
export async function lockedFor(db: Queryable, keys: string[], now: Date): Promise<number> {
  const rows = await db
    .select({ lockedUntil: signInFailures.lockedUntil })
    .from(signInFailures)
    .where(inArray(signInFailures.key, keys));
  let ms = 0;
  for (const { lockedUntil } of rows) {
    if (lockedUntil) ms = Math.max(ms, lockedUntil.getTime() - now.getTime());
  }
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** Counts a failure against a key (atomically, whoever else counts) and returns its lock, in seconds. */
export async function recordFailure(
  db: Queryable,
  key: string,
  freeFailures: number,
  now: Date,
): Promise<number> {
  const forgetBefore = new Date(now.getTime() - signInLimits.forgetAfterSeconds * 1000);
  const [row] = await db
    .insert(signInFailures)
    .values({ key, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: signInFailures.key,
      set: {
        failures: sql`case when ${signInFailures.lastFailureAt} < ${forgetBefore} then 1 else ${signInFailures.failures} + 1 end`,
        lastFailureAt: now,
      },
    })
    .returning({ failures: signInFailures.failures });
  const seconds = lockSeconds(row?.failures ?? 1, freeFailures);
  if (seconds > 0) {
    await db
      .update(signInFailures)
      .set({ lockedUntil: new Date(now.getTime() + seconds * 1000) })
      .where(sql`${signInFailures.key} = ${key}`);
  }
  return seconds;
}

export async function clearFailures(db: Queryable, key: string) {
  await db.delete(signInFailures).where(sql`${signInFailures.key} = ${key}`);
}

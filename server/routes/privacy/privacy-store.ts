import { and, eq, sql } from 'drizzle-orm';
import { planDeletion } from '../../../src/contract/comment-rules';
import type { QueueItem } from '../../../src/contract/moderation';
import type { Database } from '../../db/client';
import { articles, comments } from '../../db/schema';
import { audit } from '../moderation/audit-store';
import { commentsChanged, deletionLookups } from '../comments/comment-store';
import { erase, toQueueItem } from '../moderation/queue-store';

const byEmail = (email: string) =>
  and(sql`lower(${comments.email}) = lower(${email})`, sql`${comments.status} <> 'deleted'`);

/** Every comment kept under an email address (any case), oldest first. */
export async function commentsByEmail(db: Database, email: string): Promise<QueueItem[]> {
  const rows = await db
    .select({
      comment: comments,
      slug: articles.slug,
      title: sql<string>`${articles.document}->>'headline'`,
    })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(byEmail(email))
    .orderBy(comments.createdAt, comments.id);
  return rows.map(toQueueItem);
}

export async function recordExport(db: Database, moderatorId: number, found: number, at: Date) {
  // The address itself stays out of the log.
  await audit(db, at, [
    { moderatorId, action: 'export', detail: `Exported ${found} comments by one email address` },
  ]);
}

/**
 * Erases what a person left: every comment under the address becomes an empty placeholder
 * (anonymise), or goes (delete; a placeholder still stands where replies hang from it). One
 * transaction; readers' cached pages are made stale as by any other change.
 */
export async function eraseByEmail(
  db: Database,
  email: string,
  mode: 'anonymise' | 'delete',
  moderatorId: number,
  at: Date,
): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.select().from(comments).where(byEmail(email)).for('update');
    const articlesTouched = new Map<number, number>();
    for (const row of rows) {
      articlesTouched.set(
        row.articleId,
        (articlesTouched.get(row.articleId) ?? 0) - (row.status === 'approved' ? 1 : 0),
      );
    }
    await erase(
      tx,
      rows.map((r) => r.id),
    );
    if (mode === 'delete') {
      // Newest first, so a reply goes before the comment it answers and frees it to go too.
      for (const row of [...rows].sort((a, b) => b.id - a.id)) {
        const plan = await planDeletion(String(row.id), deletionLookups(tx));
        for (const id of plan.remove) await tx.delete(comments).where(eq(comments.id, Number(id)));
      }
    }
    for (const [articleId, by] of articlesTouched) await commentsChanged(tx, articleId, by);
    await audit(tx, at, [
      {
        moderatorId,
        action: 'erase',
        detail: `${mode === 'delete' ? 'Deleted' : 'Anonymised'} ${rows.length} comments by one email address`,
      },
    ]);
    return rows.length;
  });
}

import { sql } from 'drizzle-orm';
import type { Database } from './client';
import { parentsFirst, type DataExport } from './export-format';
import { saveSettings } from '../routes/settings/settings-store';
import { articles, comments, moderationAudit, moderators } from './schema';

/** The database was not empty: db:import never merges into, or overwrites, existing data. */
export class DatabaseNotEmptyError extends Error {
  override name = 'DatabaseNotEmptyError';
}

// Rows per INSERT: well under PostgreSQL’s 65,535 parameters (19 columns a comment).
const batchSize = 1000;

/**
 * Loads an export into an empty, migrated database, in one transaction: on any failure nothing
 * is left written. Ids are kept (links to #comment-ID stay right), threads, statuses and the
 * private fields too; the id sequences then continue after the highest id, and each article's
 * count of approved comments is worked out again from its comments.
 */
export async function importData(db: Database, data: DataExport) {
  await db.transaction(async (tx) => {
    // A server on the same PostgreSQL cannot post in between the check and the load.
    await tx.execute(sql`lock table articles, comments, moderators in exclusive mode`);
    const [held] = await tx
      .select({
        articles: sql<number>`(select count(*)::int from ${articles})`,
        comments: sql<number>`(select count(*)::int from ${comments})`,
        moderators: sql<number>`(select count(*)::int from ${moderators})`,
      })
      .from(sql`(select 1) as one`);
    if (held && (held.articles > 0 || held.comments > 0 || held.moderators > 0)) {
      throw new DatabaseNotEmptyError(
        `The database is not empty (${held.articles} article(s), ${held.comments} comment(s), ${held.moderators} moderator(s)): ` +
          'db:import loads only into an empty one, so that nothing is merged or overwritten. ' +
          'Point DATA_DIR or DATABASE_URL at a new database (a server started on it first ' +
          'adds the sample articles unless started with --no-samples).',
      );
    }
    for (let i = 0; i < data.articles.length; i += batchSize) {
      await tx.insert(articles).values(
        data.articles.slice(i, i + batchSize).map((a) => ({
          id: a.id,
          slug: a.document.slug,
          publishedAt: new Date(a.document.publishedAt),
          document: a.document,
          draft: a.draft ?? false,
          markdown: a.markdown ?? null,
          revision: a.revision,
          createdAt: new Date(a.createdAt),
        })),
      );
    }
    for (let i = 0; i < data.moderators.length; i += batchSize) {
      await tx.insert(moderators).values(
        data.moderators.slice(i, i + batchSize).map((m) => ({
          ...m,
          disabledAt: m.disabledAt ? new Date(m.disabledAt) : null,
          createdAt: new Date(m.createdAt),
        })),
      );
    }
    const ordered = parentsFirst(data.comments);
    if (!ordered) throw new Error('Some replies form a loop (the file was not checked?)');
    for (let i = 0; i < ordered.length; i += batchSize) {
      await tx.insert(comments).values(
        ordered.slice(i, i + batchSize).map((c) => ({
          ...c,
          createdAt: new Date(c.createdAt),
          editedAt: c.editedAt ? new Date(c.editedAt) : null,
        })),
      );
    }
    for (let i = 0; i < data.audit.length; i += batchSize) {
      await tx
        .insert(moderationAudit)
        .values(data.audit.slice(i, i + batchSize).map((a) => ({ ...a, at: new Date(a.at) })));
    }
    if (data.settings) await saveSettings(tx, data.settings, new Date());
    await tx.execute(sql`
      update articles set approved_comments =
        (select count(*) from comments where comments.article_id = articles.id and status = 'approved')`);
    // Ids given explicitly leave the sequences where they were: the next post would collide.
    for (const table of ['articles', 'comments', 'moderators', 'moderation_audit'] as const) {
      await tx.execute(
        sql.raw(`select setval(pg_get_serial_sequence('${table}', 'id'),
                 coalesce((select max(id) from ${table}), 0) + 1, false)`),
      );
    }
  });
  return { articles: data.articles.length, comments: data.comments.length };
}

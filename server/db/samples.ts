import { sql } from 'drizzle-orm';
import { articleFixtures } from '../../mocks/fixtures/articles';
import { commentFixtures } from '../../mocks/fixtures/comments';
import { saveArticle } from '../routes/articles/article-store';
import type { Database } from './client';
import { articles, comments } from './schema';

/**
 * The sample articles (the seed article first) and their sample comments, the same the mock API
 * serves, for a new and empty database: a newcomer sees the reader working at once.
 * Returns whether it added them.
 */
export async function addSamplesIfEmpty(db: Database): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Two processes starting on one new database: only one adds the samples.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('samples', 0))`);
    const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(articles);
    if ((row?.n ?? 0) > 0) return false;
    const idOf = new Map<string, number>();
    for (const article of articleFixtures) {
      await saveArticle(tx, article);
    }
    for (const a of await tx.select({ id: articles.id, slug: articles.slug }).from(articles)) {
      idOf.set(a.slug, a.id);
    }
    const stored = new Map<string, { id: number; threadId: number | null; depth: number }>();
    for (const c of commentFixtures) {
      const articleId = idOf.get(c.articleSlug);
      if (!articleId) continue;
      const parent = c.parentId ? stored.get(c.parentId) : undefined;
      const [inserted] = await tx
        .insert(comments)
        .values({
          articleId,
          parentId: parent?.id ?? null,
          threadId: parent ? (parent.threadId ?? parent.id) : null,
          depth: parent ? Math.min(parent.depth + 1, 5) : 1,
          author: c.author,
          email: c.email,
          website: c.website,
          content: c.content,
          status: c.status,
          createdAt: new Date(c.createdAt),
          editedAt: c.editedAt ? new Date(c.editedAt) : null,
        })
        .returning({ id: comments.id, threadId: comments.threadId, depth: comments.depth });
      if (inserted) stored.set(c.id, inserted);
    }
    await tx.execute(sql`
      update articles set
        approved_comments = (select count(*) from comments
          where comments.article_id = articles.id and status = 'approved'),
        comments_version = pg_current_xact_id()::text::bigint`);
    return true;
  });
}

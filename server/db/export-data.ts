import { asc } from 'drizzle-orm';
import type { Database } from './client';
import {
  dataExportSchema,
  exportFormat,
  exportVersion,
  type ArticleRecord,
  type CommentRecord,
  type DataExport,
} from './export-format';
import { loadStoredSettings } from '../routes/settings/settings-store';
import { articles, comments, moderationAudit, moderators } from './schema';

/**
 * Everything in the database as an export, read in one snapshot (comments posted meanwhile are
 * either wholly in it or not at all). Checked against the format before it is returned: a file
 * that db:import would refuse is better found now, while the database is still at hand.
 */
export async function exportData(db: Database, now = new Date()): Promise<DataExport> {
  const data = await db.transaction(
    async (tx) => {
      const articleRows = await tx
        .select({
          id: articles.id,
          revision: articles.revision,
          createdAt: articles.createdAt,
          document: articles.document,
          draft: articles.draft,
          markdown: articles.markdown,
        })
        .from(articles)
        .orderBy(asc(articles.id));
      const commentRows = await tx.select().from(comments).orderBy(asc(comments.id));
      const moderatorRows = await tx.select().from(moderators).orderBy(asc(moderators.id));
      const auditRows = await tx.select().from(moderationAudit).orderBy(asc(moderationAudit.id));
      const settings = await loadStoredSettings(tx);
      return {
        format: exportFormat,
        version: exportVersion,
        exportedAt: now.toISOString(),
        counts: { articles: articleRows.length, comments: commentRows.length },
        articles: articleRows.map((a): ArticleRecord => ({
          id: a.id,
          revision: a.revision,
          createdAt: a.createdAt.toISOString(),
          // Parsed by the format's schema below.
          document: a.document as ArticleRecord['document'],
          draft: a.draft,
          markdown: a.markdown,
        })),
        comments: commentRows.map((c): CommentRecord => ({
          id: c.id,
          articleId: c.articleId,
          parentId: c.parentId,
          threadId: c.threadId,
          depth: c.depth,
          author: c.author,
          email: c.email,
          website: c.website,
          content: c.content,
          status: c.status,
          createdAt: c.createdAt.toISOString(),
          editedAt: c.editedAt ? c.editedAt.toISOString() : null,
          authorTokenHash: c.authorTokenHash,
          editTokenHash: c.editTokenHash,
          clientIdHash: c.clientIdHash,
          ip: c.ip,
          heldReasons: c.heldReasons,
          statusBefore: c.statusBefore,
          moderatorId: c.moderatorId,
        })),
        moderators: moderatorRows.map((m) => ({
          id: m.id,
          name: m.name,
          email: m.email,
          passwordHash: m.passwordHash,
          role: m.role,
          disabledAt: m.disabledAt ? m.disabledAt.toISOString() : null,
          createdAt: m.createdAt.toISOString(),
        })),
        audit: auditRows.map((a) => ({ ...a, at: a.at.toISOString() })),
        settings,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  const checked = dataExportSchema.safeParse(data);
  if (!checked.success) {
    throw new Error(
      `The database holds data the export format cannot carry (nothing was written):\n${checked.error.message}`,
    );
  }
  return checked.data;
}

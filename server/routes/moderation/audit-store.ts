import { count, desc, eq, sql } from 'drizzle-orm';
import {
  auditActionSchema,
  type AuditAction,
  type AuditPage,
} from '../../../src/contract/moderation';
import type { Queryable } from '../../db/client';
import { articles, moderationAudit, moderators } from '../../db/schema';

export interface AuditRecord {
  /** Null for a change made from the command line (npm run article). */
  moderatorId: number | null;
  action: AuditAction;
  commentId?: number | null;
  articleId?: number | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  detail?: string | null;
}

/** Writes entries in the caller's transaction: an action and its record stand or fall together. */
export async function audit(db: Queryable, at: Date, records: AuditRecord[]) {
  if (records.length === 0) return;
  await db.insert(moderationAudit).values(
    records.map((r) => ({
      at,
      moderatorId: r.moderatorId,
      action: r.action,
      commentId: r.commentId ?? null,
      articleId: r.articleId ?? null,
      fromStatus: r.fromStatus ?? null,
      toStatus: r.toStatus ?? null,
      detail: r.detail ?? null,
    })),
  );
}

export async function listAudit(
  db: Queryable,
  query: { commentId?: string | undefined; page: number; limit: number },
): Promise<AuditPage> {
  const commentId =
    query.commentId && /^\d{1,16}$/.test(query.commentId) ? Number(query.commentId) : null;
  if (query.commentId && commentId === null) {
    return { entries: [], total: 0, page: query.page, pageSize: query.limit };
  }
  const where = commentId !== null ? eq(moderationAudit.commentId, commentId) : undefined;
  const rows = await db
    .select({
      entry: moderationAudit,
      moderatorName: moderators.name,
      slug: articles.slug,
      title: sql<string>`${articles.document}->>'headline'`,
    })
    .from(moderationAudit)
    .leftJoin(moderators, eq(moderators.id, moderationAudit.moderatorId))
    .leftJoin(articles, eq(articles.id, moderationAudit.articleId))
    .where(where)
    .orderBy(desc(moderationAudit.at), desc(moderationAudit.id))
    .limit(query.limit)
    .offset((query.page - 1) * query.limit);
  const [total] = await db.select({ n: count() }).from(moderationAudit).where(where);
  return {
    entries: rows.map(({ entry, moderatorName, slug, title }) => ({
      id: String(entry.id),
      at: entry.at.toISOString(),
      moderator:
        entry.moderatorId !== null && moderatorName !== null
          ? { id: String(entry.moderatorId), name: moderatorName }
          : null,
      action: auditActionSchema.parse(entry.action),
      commentId: entry.commentId === null ? null : String(entry.commentId),
      article: slug !== null ? { slug, title: title ?? slug } : null,
      fromStatus: entry.fromStatus,
      toStatus: entry.toStatus,
      detail: entry.detail,
    })),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.limit,
  };
}

import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { planDeletion, type StoredStatus } from '../../../src/contract/comment-rules';
import {
  heldReasonSchema,
  queueTabs,
  type ActionResult,
  type ModerationActionRequest,
  type QueueCounts,
  type QueueItem,
  type QueuePage,
  type QueueTab,
} from '../../../src/contract/moderation';
import {
  planStatusChange,
  planUndo,
  type StatusChange,
} from '../../../src/contract/moderation-rules';
import type { Database, Queryable, Transaction } from '../../db/client';
import { articles, comments } from '../../db/schema';
import { truncateIp } from '../../lib/truncate-ip';
import { commentsChanged, deletionLookups, parseId } from '../comments/comment-store';
import { audit, type AuditRecord } from './audit-store';

type Row = typeof comments.$inferSelect;

const itemColumns = {
  comment: comments,
  slug: articles.slug,
  title: sql<string>`${articles.document}->>'headline'`,
};

export function toQueueItem(row: { comment: Row; slug: string; title: string | null }): QueueItem {
  const { comment } = row;
  return {
    id: String(comment.id),
    parentId: comment.parentId === null ? null : String(comment.parentId),
    article: { slug: row.slug, title: row.title ?? row.slug },
    author: comment.author,
    email: comment.email,
    website: comment.website,
    ip: truncateIp(comment.ip),
    content: comment.content,
    createdAt: comment.createdAt.toISOString(),
    editedAt: comment.editedAt ? comment.editedAt.toISOString() : null,
    // Deleted placeholders never reach the queue's queries; spelled out for the type.
    status: comment.status === 'deleted' ? 'trash' : comment.status,
    reasons: comment.heldReasons.flatMap((r) => {
      const parsed = heldReasonSchema.safeParse(r);
      return parsed.success ? [parsed.data] : [];
    }),
    byModerator: comment.moderatorId !== null,
  };
}

/** `%`, `_` and `\` typed into a search are letters, not patterns. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

async function articleFilter(db: Queryable, slug: string | undefined): Promise<SQL | null | false> {
  if (!slug) return null;
  const [row] = await db.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug));
  return row ? eq(comments.articleId, row.id) : false;
}

export async function queueCounts(db: Queryable, articleId?: SQL | null): Promise<QueueCounts> {
  const rows = await db
    .select({ status: comments.status, n: count() })
    .from(comments)
    .where(and(inArray(comments.status, [...queueTabs]), articleId ?? undefined))
    .groupBy(comments.status);
  const counts: QueueCounts = { pending: 0, approved: 0, spam: 0, trash: 0 };
  for (const { status, n } of rows) {
    if (status !== 'deleted') counts[status] = n;
  }
  return counts;
}

export async function listQueue(
  db: Queryable,
  query: {
    status: QueueTab;
    article?: string | undefined;
    q?: string | undefined;
    page: number;
    limit: number;
  },
): Promise<QueuePage> {
  const byArticle = await articleFilter(db, query.article);
  if (byArticle === false) {
    return {
      items: [],
      counts: { pending: 0, approved: 0, spam: 0, trash: 0 },
      total: 0,
      page: query.page,
      pageSize: query.limit,
    };
  }
  const search = query.q
    ? sql`(${comments.content} ilike ${likePattern(query.q)} or ${comments.author} ilike ${likePattern(query.q)} or ${comments.email} ilike ${likePattern(query.q)})`
    : undefined;
  const where = and(eq(comments.status, query.status), byArticle ?? undefined, search);
  const rows = await db
    .select(itemColumns)
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(where)
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(query.limit)
    .offset((query.page - 1) * query.limit);
  const [total] = await db.select({ n: count() }).from(comments).where(where);
  return {
    items: rows.map(toQueueItem),
    counts: await queueCounts(db, byArticle),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.limit,
  };
}

export async function queueItem(db: Queryable, id: number): Promise<QueueItem | null> {
  const [row] = await db
    .select(itemColumns)
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(eq(comments.id, id));
  return row ? toQueueItem(row) : null;
}

/** Deletes a comment for good (a placeholder while replies remain), in the caller's transaction. */
async function deletePermanently(tx: Transaction, row: Row) {
  const plan = await planDeletion(String(row.id), deletionLookups(tx));
  if (plan.placeholder) await erase(tx, [row.id]);
  for (const id of plan.remove) await tx.delete(comments).where(eq(comments.id, Number(id)));
}

/** Turns comments into placeholders holding nothing their author wrote or sent. */
export async function erase(tx: Queryable, ids: number[]) {
  if (ids.length === 0) return;
  await tx
    .update(comments)
    .set({
      status: 'deleted',
      author: '',
      email: '',
      website: null,
      content: '',
      editTokenHash: null,
      authorTokenHash: null,
      clientIdHash: null,
      ip: null,
      heldReasons: [],
      statusBefore: null,
    })
    .where(inArray(comments.id, ids));
}

const delta = (from: StoredStatus, to: StoredStatus | null) =>
  (to === 'approved' ? 1 : 0) - (from === 'approved' ? 1 : 0);

/**
 * Applies an action to each comment named, in one transaction, with an audit entry for every
 * change, and bumps each article's comments version (and approved count) so readers see the
 * change at once: what comment-store.ts does for readers' own changes.
 */
export async function applyAction(
  db: Database,
  request: ModerationActionRequest,
  moderatorId: number,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const wanted =
      request.action === 'undo'
        ? request.items.map((i) => ({ id: i.id, undo: i }))
        : request.ids.map((id) => ({ id, undo: null }));
    const ids = [
      ...new Set(wanted.map((w) => parseId(w.id)).filter((id): id is number => id !== null)),
    ];
    const rows = ids.length
      ? await tx
          .select()
          .from(comments)
          .where(inArray(comments.id, ids))
          .orderBy(comments.id)
          .for('update')
      : [];
    const byId = new Map(rows.map((r) => [String(r.id), r]));
    const results: ActionResult[] = [];
    const records: AuditRecord[] = [];
    const approvedBy = new Map<number, number>();
    const seen = new Set<string>();
    for (const { id, undo } of wanted) {
      const row = byId.get(id);
      if (!row || seen.has(id)) {
        if (!row)
          results.push({
            id,
            ok: false,
            from: null,
            to: null,
            message: 'That comment no longer exists.',
          });
        continue;
      }
      seen.add(id);
      const from = row.status;
      const change: StatusChange = undo
        ? planUndo(from, undo.expected, undo.status)
        : request.action === 'undo'
          ? { ok: false, message: 'Nothing to undo.' }
          : planStatusChange(request.action, from, row.statusBefore);
      const shownFrom = from === 'deleted' ? null : from;
      if (!change.ok) {
        results.push({ id, ok: false, from: shownFrom, to: shownFrom, message: change.message });
        continue;
      }
      if (change.to === from) {
        results.push({ id, ok: true, from: shownFrom, to: change.to });
        continue;
      }
      if (change.to === null) {
        await deletePermanently(tx, row);
      } else {
        await tx
          .update(comments)
          .set({ status: change.to, statusBefore: change.statusBefore })
          .where(eq(comments.id, row.id));
      }
      approvedBy.set(row.articleId, (approvedBy.get(row.articleId) ?? 0) + delta(from, change.to));
      results.push({ id, ok: true, from: shownFrom, to: change.to });
      records.push({
        moderatorId,
        action: request.action,
        commentId: row.id,
        articleId: row.articleId,
        fromStatus: from,
        toStatus: change.to ?? 'deleted',
      });
    }
    for (const [articleId, by] of approvedBy) await commentsChanged(tx, articleId, by);
    await audit(tx, now, records);
    const undoable = results.filter(
      (r): r is ActionResult & { from: QueueTab; to: QueueTab } =>
        r.ok && r.from !== null && r.to !== null && r.from !== r.to,
    );
    const undo: ModerationActionRequest | null =
      request.action === 'delete' || request.action === 'undo' || undoable.length === 0
        ? null
        : {
            action: 'undo',
            items: undoable.map((r) => ({ id: r.id, status: r.from, expected: r.to })),
          };
    return { results, undo, counts: await queueCounts(tx) };
  });
}

export async function editByModerator(
  db: Database,
  id: number,
  content: string,
  moderatorId: number,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(comments).where(eq(comments.id, id)).for('update');
    if (!row || row.status === 'deleted') return null;
    await tx.update(comments).set({ content, editedAt: now }).where(eq(comments.id, id));
    await commentsChanged(tx, row.articleId, 0);
    // The old words stay out of the log: it outlives an erasure request.
    await audit(tx, now, [
      {
        moderatorId,
        action: 'edit',
        commentId: id,
        articleId: row.articleId,
        fromStatus: row.status,
        toStatus: row.status,
      },
    ]);
    const item = await queueItem(tx, id);
    return item && { item, previousContent: row.content };
  });
}

/**
 * A reply as the site: approved at once and marked as a moderator's. Replying to a held comment
 * approves it, as WordPress's "Approve and Reply" does.
 */
export async function replyAsSite(
  db: Database,
  parentId: number,
  content: string,
  moderator: { id: number; name: string; email: string },
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [parent] = await tx
      .select()
      .from(comments)
      .where(eq(comments.id, parentId))
      .for('update');
    if (!parent) return { kind: 'missing' as const };
    if (parent.status !== 'approved' && parent.status !== 'pending')
      return { kind: 'conflict' as const };
    const records: AuditRecord[] = [];
    let approvedBy = 1;
    if (parent.status === 'pending') {
      await tx
        .update(comments)
        .set({ status: 'approved', statusBefore: null })
        .where(eq(comments.id, parent.id));
      approvedBy += 1;
      records.push({
        moderatorId: moderator.id,
        action: 'approve',
        commentId: parent.id,
        articleId: parent.articleId,
        fromStatus: 'pending',
        toStatus: 'approved',
      });
    }
    // Threads go 5 deep, as for readers: a reply to the deepest level joins that level.
    const deepest = parent.depth >= 5;
    const [reply] = await tx
      .insert(comments)
      .values({
        articleId: parent.articleId,
        parentId: deepest ? parent.parentId : parent.id,
        threadId: deepest ? parent.threadId : (parent.threadId ?? parent.id),
        depth: deepest ? parent.depth : parent.depth + 1,
        author: moderator.name,
        email: moderator.email,
        website: null,
        content,
        status: 'approved',
        createdAt: now,
        moderatorId: moderator.id,
      })
      .returning();
    if (!reply) throw new Error('The reply was not stored');
    records.push({
      moderatorId: moderator.id,
      action: 'reply',
      commentId: reply.id,
      articleId: parent.articleId,
      toStatus: 'approved',
      detail: `Reply to comment ${parent.id}`,
    });
    await commentsChanged(tx, parent.articleId, approvedBy);
    await audit(tx, now, records);
    const item = await queueItem(tx, reply.id);
    const parentItem = await queueItem(tx, parent.id);
    if (!item || !parentItem) throw new Error('The reply vanished mid-transaction');
    const undo: ModerationActionRequest = {
      action: 'undo',
      items: [
        { id: item.id, status: 'trash', expected: 'approved' },
        ...(parent.status === 'pending'
          ? [{ id: parentItem.id, status: 'pending' as const, expected: 'approved' as const }]
          : []),
      ],
    };
    return { kind: 'replied' as const, item, parent: parentItem, undo };
  });
}

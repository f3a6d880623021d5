import {
  and,
  asc,
  desc,
  eq,
  exists,
  gt,
  inArray,
  isNull,
  lt,
  or,
  sql,
  type Placeholder,
  type SQL,
} from 'drizzle-orm';
import {
  assemblePage,
  decideNewComment,
  planDeletion,
  statusAfterEdit,
  type CommentInput,
  type CommentsQuery,
  type NewCommentDecision,
  type RuleOptions,
  type StoredCommentView,
  type StoredStatus,
} from '../../../src/contract/comment-rules';
import type { ModerationSettings } from '../../../src/contract/moderation';
import type { Database, Queryable } from '../../db/client';
import { articles, comments } from '../../db/schema';
import { editTokenFor, hashToken } from '../../lib/tokens';
import { readableArticle } from '../articles/article-store';

type Row = typeof comments.$inferSelect;

export function toView(row: Row): StoredCommentView {
  return {
    id: String(row.id),
    parentId: row.parentId === null ? null : String(row.parentId),
    author: row.author,
    website: row.website,
    content: row.content,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt ? row.editedAt.toISOString() : null,
    status: row.status,
    ...(row.moderatorId !== null ? { byModerator: true } : {}),
  };
}

/** Ids in URLs and cursors are decimal strings; anything else names no comment. */
export function parseId(value: string | undefined): number | null {
  return value && /^[1-9]\d{0,15}$/.test(value) ? Number(value) : null;
}

/** What a reader may see: published comments, placeholders, and their own held ones. */
function visibleTo(authorTokenHash: string | null): SQL {
  const shown = inArray(comments.status, ['approved', 'deleted']);
  if (!authorTokenHash) return shown;
  return or(
    shown,
    and(eq(comments.status, 'pending'), eq(comments.authorTokenHash, authorTokenHash)),
  ) as SQL;
}

/** The id of a published article, by its slug. */
export async function articleIdOf(db: Queryable, slug: string, now: Date): Promise<number | null> {
  const [row] = await db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.slug, slug), readableArticle(now)))
    .limit(1);
  return row?.id ?? null;
}

/**
 * A published article as the comment list needs it, in one look-up: its id, the version of its
 * comments (for the page cache), and whether this reader holds comments awaiting moderation on
 * it (comments_held_idx answers that). Values or placeholders, for a prepared statement.
 */
export function articleForReaderQuery(
  db: Database,
  slug: string | Placeholder,
  now: Date | Placeholder,
  tokenHash: string | Placeholder | null,
) {
  const held =
    tokenHash === null
      ? sql`false`
      : exists(
          db
            .select({ one: sql`1` })
            .from(comments)
            .where(
              and(
                eq(comments.articleId, articles.id),
                sql`${comments.status} = 'pending'`,
                eq(comments.authorTokenHash, tokenHash),
              ),
            ),
        );
  return db
    .select({
      id: articles.id,
      version: articles.commentsVersion,
      approved: articles.approvedComments,
      publishedAt: articles.publishedAt,
      holdsOwn: held.mapWith(Boolean),
    })
    .from(articles)
    .where(and(eq(articles.slug, slug), readableArticle(now)))
    .limit(1);
}

export type ArticleForReader = (
  slug: string,
  now: Date,
  tokenHash: string | null,
) => Promise<{
  id: number;
  slug: string;
  publishedAt: Date;
  version: string;
  holdsOwn: boolean;
} | null>;

/**
 * The look-up of every request for comments, prepared once: built once, and planned once per
 * connection on PostgreSQL. With `localWrites` (the embedded engine), answers are kept between
 * this process's writes.
 */
export function prepareArticleForReader(
  db: Database,
  localWrites?: () => number,
): ArticleForReader {
  const p = sql.placeholder;
  const withToken = articleForReaderQuery(db, p('slug'), p('now'), p('token')).prepare(
    'article_for_reader',
  );
  const anonymous = articleForReaderQuery(db, p('slug'), p('now'), null).prepare(
    'article_for_anonymous_reader',
  );
  const lookUp: ArticleForReader = async (slug, now, tokenHash) => {
    const [row] = tokenHash
      ? await withToken.execute({ slug, now, token: tokenHash })
      : await anonymous.execute({ slug, now });
    // The count too: a change made around the server that also fixes the count is seen at once.
    return row
      ? {
          id: row.id,
          slug,
          publishedAt: row.publishedAt,
          version: `${row.version}.${row.approved}`,
          holdsOwn: row.holdsOwn,
        }
      : null;
  };
  return localWrites ? keptBetweenWrites(lookUp, localWrites) : lookUp;
}

/** How long a kept look-up answers for at most: an article scheduled for later is published then. */
const keptForMs = 1000;
const keptLookUps = 10_000;

/**
 * The look-up kept until this process writes anything, or for a second: for the embedded engine,
 * whose one connection makes every request's look-up the queue that 50 readers wait in.
 */
function keptBetweenWrites(lookUp: ArticleForReader, localWrites: () => number): ArticleForReader {
  type Kept = { writes: number; at: number; answer: Awaited<ReturnType<ArticleForReader>> };
  const kept = new Map<string, Kept>();
  return async (slug, now, tokenHash) => {
    const key = `${tokenHash ?? ''} ${slug}`;
    const at = now.getTime();
    const hit = kept.get(key);
    if (hit && hit.writes === localWrites() && at >= hit.at && at - hit.at < keptForMs) {
      return hit.answer;
    }
    const writes = localWrites();
    const answer = await lookUp(slug, now, tokenHash);
    kept.delete(key);
    if (kept.size >= keptLookUps) kept.delete(kept.keys().next().value ?? '');
    kept.set(key, { writes, at, answer });
    return answer;
  };
}

export async function approvedCount(db: Queryable, articleId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(comments)
    .where(and(eq(comments.articleId, articleId), eq(comments.status, 'approved')));
  return row?.n ?? 0;
}

/** A page's top-level comments, in its order: `limit` of them and one more, to tell whether more follow. */
export function threadsQuery(
  db: Queryable,
  articleId: number,
  { order, limit }: Pick<CommentsQuery, 'order' | 'limit'>,
  tokenHash: string | null,
  after?: SQL,
) {
  const topLevel = and(
    eq(comments.articleId, articleId),
    isNull(comments.parentId),
    visibleTo(tokenHash),
  );
  const direction = order === 'oldest' ? asc : desc;
  return db
    .select()
    .from(comments)
    .where(after ? and(topLevel, after) : topLevel)
    .orderBy(direction(comments.createdAt), direction(comments.id))
    .limit(limit + 1);
}

/** Every reply under these threads that the reader may see, in no particular order. */
export function repliesQuery(db: Queryable, threadIds: number[], tokenHash: string | null) {
  return db
    .select()
    .from(comments)
    .where(and(inArray(comments.threadId, threadIds), visibleTo(tokenHash)));
}

/** One page of threads with their replies, or null when the cursor names no thread there. */
export async function listPage(
  db: Database,
  articleId: number,
  { order, limit, cursor }: CommentsQuery,
  tokenHash: string | null,
  closed = false,
) {
  let after: SQL | undefined;
  if (cursor) {
    const id = parseId(cursor);
    const [from] = id
      ? await db
          .select({ id: comments.id, createdAt: comments.createdAt })
          .from(comments)
          .where(
            and(
              eq(comments.articleId, articleId),
              isNull(comments.parentId),
              visibleTo(tokenHash),
              eq(comments.id, id),
            ),
          )
          .limit(1)
      : [];
    if (!from) return null;
    // Keyset paging on (created_at, id): correct while new comments arrive, and cheap at any depth.
    const compare = order === 'oldest' ? gt : lt;
    after = or(
      compare(comments.createdAt, from.createdAt),
      and(eq(comments.createdAt, from.createdAt), compare(comments.id, from.id)),
    );
  }
  const threads = await threadsQuery(db, articleId, { order, limit }, tokenHash, after);
  const threadIds = threads.slice(0, limit).map((t) => t.id);
  const replies = threadIds.length ? await repliesQuery(db, threadIds, tokenHash) : [];
  const [counts] = await db
    .select({ total: articles.approvedComments })
    .from(articles)
    .where(eq(articles.id, articleId));
  const page = assemblePage(threads.map(toView), replies.map(toView), limit, counts?.total ?? 0);
  return closed ? { ...page, commentsClosed: true as const } : page;
}

export interface NewComment {
  articleId: number;
  input: CommentInput;
  commenterToken: string | null;
  ip: string | null;
  now: Date;
  rules: RuleOptions;
}

/**
 * Decides and stores a new comment in one transaction. Two sends of the same submission are
 * serialised by an advisory lock on its client id, and the unique index on it settles any race
 * the lock does not see: one comment is stored, and every send gets it back.
 */
export async function addComment(
  db: Database,
  comment: NewComment,
): Promise<NewCommentDecision<Row> | { kind: 'stored'; row: Row }> {
  const { articleId, input, now } = comment;
  const tokenHash = comment.commenterToken ? hashToken(comment.commenterToken) : null;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${input.clientId}, 0))`);
    const [article] = await tx
      .select({ slug: articles.slug, publishedAt: articles.publishedAt })
      .from(articles)
      .where(eq(articles.id, articleId));
    const decision = await decideNewComment<Row>(
      input,
      {
        byClientId: async (clientId) => {
          const [row] = await tx
            .select()
            .from(comments)
            .where(
              and(
                eq(comments.articleId, articleId),
                eq(comments.clientIdHash, hashToken(clientId)),
              ),
            )
            .limit(1);
          return row ?? null;
        },
        parent: async (id) => {
          const parentId = parseId(id);
          if (!parentId) return null;
          const [row] = await tx
            .select()
            .from(comments)
            .where(
              and(
                eq(comments.id, parentId),
                eq(comments.articleId, articleId),
                visibleTo(tokenHash),
              ),
            )
            .limit(1);
          return row
            ? { status: row.status, depth: row.depth, parentId: toView(row).parentId }
            : null;
        },
        isDuplicate: async ({ parentId, author, email, content }) => {
          const parent = parentId ? parseId(parentId) : null;
          const [row] = await tx
            .select({ id: comments.id })
            .from(comments)
            .where(
              and(
                eq(comments.articleId, articleId),
                parent ? eq(comments.parentId, parent) : isNull(comments.parentId),
                sql`lower(${comments.email}) = lower(${email})`,
                eq(comments.author, author),
                eq(comments.content, content),
                sql`${comments.status} <> 'deleted'`,
              ),
            )
            .limit(1);
          return row !== undefined;
        },
        hasApprovedComment: async (email) => {
          const [row] = await tx
            .select({ id: comments.id })
            .from(comments)
            .where(
              and(sql`lower(${comments.email}) = lower(${email})`, eq(comments.status, 'approved')),
            )
            .limit(1);
          return row !== undefined;
        },
        lastPostAt: async (email) => {
          const [row] = await tx
            .select({ at: comments.createdAt })
            .from(comments)
            .where(sql`lower(${comments.email}) = lower(${email})`)
            .orderBy(desc(comments.createdAt))
            .limit(1);
          return row?.at ?? null;
        },
      },
      now,
      { ...comment.rules, ip: comment.ip, ...(article ? { article } : {}) },
    );
    if (decision.kind !== 'store') return decision;

    const parentId = decision.parentId ? parseId(decision.parentId) : null;
    let threadId: number | null = null;
    if (parentId) {
      const [parent] = await tx
        .select({ id: comments.id, threadId: comments.threadId })
        .from(comments)
        .where(eq(comments.id, parentId));
      threadId = parent?.threadId ?? parent?.id ?? null;
    }
    const [row] = await tx
      .insert(comments)
      .values({
        articleId,
        parentId,
        threadId,
        depth: decision.depth,
        author: input.name,
        email: decision.email,
        website: input.website || null,
        content: input.comment,
        status: decision.status,
        heldReasons: decision.reasons,
        createdAt: now,
        authorTokenHash: tokenHash,
        editTokenHash: hashToken(editTokenFor(input.clientId)),
        clientIdHash: hashToken(input.clientId),
        ip: comment.ip,
      })
      .onConflictDoNothing({ target: [comments.articleId, comments.clientIdHash] })
      .returning();
    if (!row) {
      const [existing] = await tx
        .select()
        .from(comments)
        .where(
          and(
            eq(comments.articleId, articleId),
            eq(comments.clientIdHash, hashToken(input.clientId)),
          ),
        );
      if (!existing) throw new Error('A conflicting comment vanished mid-transaction');
      return { kind: 'resend', existing };
    }
    await commentsChanged(tx, articleId, row.status === 'approved' ? 1 : 0);
    return { kind: 'stored', row };
  });
}

/**
 * Every change of a comment, in its transaction: the approved count moves by `approvedBy`, and
 * the comments' version becomes this transaction's id, so cached pages of them are stale.
 */
export async function commentsChanged(tx: Queryable, articleId: number, approvedBy: number) {
  await tx
    .update(articles)
    .set({
      approvedComments: sql`${articles.approvedComments} + ${approvedBy}`,
      commentsVersion: sql`pg_current_xact_id()::text::bigint`,
    })
    .where(eq(articles.id, articleId));
}

export async function findComment(db: Queryable, articleId: number, id: string) {
  const commentId = parseId(id);
  if (!commentId) return null;
  const [row] = await db
    .select()
    .from(comments)
    .where(and(eq(comments.id, commentId), eq(comments.articleId, articleId)))
    .limit(1);
  return row ?? null;
}

export async function editComment(
  db: Database,
  row: Row,
  content: string,
  now: Date,
  settings?: ModerationSettings,
) {
  return db.transaction(async (tx) => {
    const status: StoredStatus = statusAfterEdit(row.status, content, settings);
    const [updated] = await tx
      .update(comments)
      .set({ content, editedAt: now, status })
      .where(eq(comments.id, row.id))
      .returning();
    await commentsChanged(
      tx,
      row.articleId,
      row.status === 'approved' && status !== 'approved' ? -1 : 0,
    );
    return updated ?? null;
  });
}

/** What planDeletion asks of the stored comments, answered in the caller's transaction. */
export function deletionLookups(tx: Queryable) {
  return {
    replyIds: async (id: string) =>
      (
        await tx
          .select({ id: comments.id })
          .from(comments)
          .where(eq(comments.parentId, Number(id)))
      ).map((r) => String(r.id)),
    parentOf: async (id: string) => {
      const [child] = await tx
        .select({ parentId: comments.parentId })
        .from(comments)
        .where(eq(comments.id, Number(id)));
      if (!child?.parentId) return null;
      const [parent] = await tx
        .select({ id: comments.id, status: comments.status })
        .from(comments)
        .where(eq(comments.id, child.parentId));
      return parent ? { id: String(parent.id), status: parent.status } : null;
    },
  };
}

/** Removes a comment, or erases it to a placeholder while replies remain under it. */
export async function deleteComment(db: Database, row: Row) {
  await db.transaction(async (tx) => {
    const plan = await planDeletion(String(row.id), deletionLookups(tx));
    await commentsChanged(tx, row.articleId, row.status === 'approved' ? -1 : 0);
    if (plan.placeholder) {
      // Erased, not hidden: nothing the author wrote stays behind the placeholder.
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
          ip: null,
        })
        .where(eq(comments.id, row.id));
    }
    // Children before parents: the list runs from the comment up its chain of placeholders.
    for (const id of plan.remove) await tx.delete(comments).where(eq(comments.id, Number(id)));
  });
}

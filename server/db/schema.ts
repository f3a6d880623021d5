import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  bigint,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true, precision: 3 });

export const articles = pgTable(
  'articles',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    slug: text('slug').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, precision: 3 }).notNull(),
    /** The article as the contract has it (src/contract/articles.ts), parsed before it is stored. */
    document: jsonb('document').notNull(),
    /** Bumped by every change that alters the article's page, so cached HTML knows it is stale. */
    revision: integer('revision').notNull().default(1),
    /** Approved comments, kept in step by every change of a comment's status: page 1 counts none. */
    approvedComments: integer('approved_comments').notNull().default(0),
    /**
     * The transaction that last changed the article's comments (pg_current_xact_id()), set by
     * every such change: a cached page of comments is good while it holds. A transaction id never
     * comes round again, even after the tables are emptied, as a counter would.
     */
    commentsVersion: bigint('comments_version', { mode: 'number' }).notNull().default(0),
    createdAt: createdAt().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('articles_slug_key').on(t.slug),
    index('articles_published_idx').on(t.publishedAt.desc(), t.id.desc()),
  ],
);

export const comments = pgTable(
  'comments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    articleId: bigint('article_id', { mode: 'number' })
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    parentId: bigint('parent_id', { mode: 'number' }).references((): AnyPgColumn => comments.id),
    /** A reply's top-level comment (null on a top-level one): a page's replies in one look-up. */
    threadId: bigint('thread_id', { mode: 'number' }),
    depth: smallint('depth').notNull(),
    author: text('author').notNull(),
    /** Private: never in a reader's response, a page, a log or a public export. */
    email: text('email').notNull(),
    website: text('website'),
    content: text('content').notNull(),
    status: text('status', { enum: ['approved', 'pending', 'deleted', 'spam', 'trash'] }).notNull(),
    createdAt: createdAt().notNull(),
    editedAt: timestamp('edited_at', { withTimezone: true, precision: 3 }),
    /** SHA-256 of the author's browser token: lets that browser see its held comments. */
    authorTokenHash: text('author_token_hash'),
    /** SHA-256 of the edit token, which only the author's browser holds. */
    editTokenHash: text('edit_token_hash'),
    /**
     * SHA-256 of the id the client made for this submission: a resend finds the comment by it.
     * Kept hashed because the edit token is derived from the id (see lib/tokens.ts).
     */
    clientIdHash: text('client_id_hash'),
    /** Where the comment came from, for moderators (as WordPress's comment_author_IP). */
    ip: text('ip'),
  },
  (t) => [
    // Idempotency under races: two resends of one submission can store only one comment.
    uniqueIndex('comments_client_id_key').on(t.articleId, t.clientIdHash),
    // Page 1 of any article, whatever its size: threads in order, found by the index.
    index('comments_threads_idx')
      .on(t.articleId, t.createdAt, t.id)
      .where(sql`${t.parentId} is null`),
    index('comments_thread_replies_idx').on(t.threadId, t.createdAt, t.id),
    index('comments_parent_idx').on(t.parentId),
    // The flood guard and the duplicate check look up an address's latest comments.
    index('comments_email_idx').on(sql`lower(${t.email})`, t.createdAt.desc()),
    // Whether a reader holds comments awaiting moderation on an article (then they get their own
    // page, not the cached one every other reader gets).
    index('comments_held_idx')
      .on(t.articleId, t.authorTokenHash)
      .where(sql`${t.status} = 'pending'`),
    index('comments_approved_idx')
      .on(t.articleId)
      .where(sql`${t.status} = 'approved'`),
    check('comments_depth_check', sql`${t.depth} between 1 and 5`),
    check(
      'comments_status_check',
      sql`${t.status} in ('approved', 'pending', 'deleted', 'spam', 'trash')`,
    ),
  ],
);

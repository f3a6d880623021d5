import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
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
    /**
     * Kept from readers whatever its time (an editor's unsaved or unpublished article); readers
     * see an article only when it is not a draft and its publishedAt has come (readableArticle).
     */
    draft: boolean('draft').notNull().default(false),
    /** The Markdown an editor wrote, so it can be edited again; null for imported articles. */
    markdown: text('markdown'),
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
    /** Why the rules held it or sent it to spam (src/contract/moderation.ts heldReasonSchema). */
    heldReasons: text('held_reasons')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The status before a moderator sent it to spam or trash: where Restore takes it back. */
    statusBefore: text('status_before', { enum: ['approved', 'pending'] }),
    /** The moderator who wrote it, as the site: readers see a "Moderator" badge. */
    moderatorId: bigint('moderator_id', { mode: 'number' }).references(() => moderators.id, {
      onDelete: 'set null',
    }),
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
    // The queue: a tab's comments, newest first, whatever the article.
    index('comments_queue_idx').on(t.status, t.createdAt.desc(), t.id.desc()),
    check(
      'comments_status_check',
      sql`${t.status} in ('approved', 'pending', 'deleted', 'spam', 'trash')`,
    ),
  ],
);

export const moderators = pgTable(
  'moderators',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    name: text('name').notNull(),
    /** Kept as given; unique regardless of case. */
    email: text('email').notNull(),
    /** argon2id, in its PHC string form (parameters and salt included). */
    passwordHash: text('password_hash').notNull(),
    /** 'editor' is reserved for a later role with more rights. */
    role: text('role', { enum: ['moderator', 'editor'] })
      .notNull()
      .default('moderator'),
    disabledAt: timestamp('disabled_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('moderators_email_key').on(sql`lower(${t.email})`),
    check('moderators_role_check', sql`${t.role} in ('moderator', 'editor')`),
  ],
);

export const moderatorSessions = pgTable(
  'moderator_sessions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** SHA-256 of the cookie's token: a copy of the database signs no one in. */
    tokenHash: text('token_hash').notNull(),
    moderatorId: bigint('moderator_id', { mode: 'number' })
      .notNull()
      .references(() => moderators.id, { onDelete: 'cascade' }),
    createdAt: createdAt().notNull(),
    /** The idle expiry runs from here. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, precision: 3 }).notNull(),
    /** The absolute expiry. */
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    uniqueIndex('moderator_sessions_token_key').on(t.tokenHash),
    index('moderator_sessions_moderator_idx').on(t.moderatorId),
  ],
);

/**
 * Failed sign-ins, per account and per address, in the database: every server process sees
 * the same counts, and a restart forgets none.
 */
export const signInFailures = pgTable('sign_in_failures', {
  /** 'account:' or 'ip:' and the SHA-256 of the lower-cased email or of the address. */
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true, precision: 3 }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true, precision: 3 }),
});

export const moderationAudit = pgTable(
  'moderation_audit',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    moderatorId: bigint('moderator_id', { mode: 'number' }).references(() => moderators.id, {
      onDelete: 'set null',
    }),
    action: text('action').notNull(),
    /** No foreign key: the entry outlives a comment deleted for good. */
    commentId: bigint('comment_id', { mode: 'number' }),
    articleId: bigint('article_id', { mode: 'number' }).references(() => articles.id, {
      onDelete: 'set null',
    }),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    /** Never an email or an IP address. */
    detail: text('detail'),
  },
  (t) => [
    index('moderation_audit_at_idx').on(t.at.desc(), t.id.desc()),
    index('moderation_audit_comment_idx').on(t.commentId),
  ],
);

/** The owner's rules, one row (id 1), as src/contract/moderation.ts moderationSettingsSchema. */
export const moderationSettings = pgTable(
  'moderation_settings',
  {
    id: smallint('id').primaryKey().default(1),
    settings: jsonb('settings').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [check('moderation_settings_one_row', sql`${t.id} = 1`)],
);

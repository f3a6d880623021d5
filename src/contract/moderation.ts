/**
 * The moderation API's contract, shared by the moderation screens, the mock and the server.
 * A leaf module: it imports nothing but zod.
 *
 * Every path is under /api/moderation. Every answer that is not 2xx has the contract's error
 * shape (src/contract/errors.ts). Common answers:
 *   401  not signed in, or the session expired (idle or absolute): "Sign in to moderate."
 *   403  a change (POST, PUT, PATCH, DELETE) without the moderationRequestHeader, or from another
 *        origin (Sec-Fetch-Site other than same-origin/none, or an Origin that is not the app's)
 *   400  a body or query that does not fit: fieldErrors name the field and say how to fix it
 *
 * Endpoints:
 *   POST   /api/moderation/session            sign in (signInRequestSchema) → 200 moderationSessionSchema,
 *                                             sets the session cookie. 401 "The email address or
 *                                             password is not right." whether or not the account
 *                                             exists (or is disabled); 429 with Retry-After and
 *                                             retryAfterSeconds while the account or the address
 *                                             is locked out after repeated failures.
 *   DELETE /api/moderation/session            sign out this browser → 204, clears the cookie
 *   DELETE /api/moderation/sessions           sign out everywhere (every session of this moderator) → 204
 *   GET    /api/moderation/me                 → 200 moderationSessionSchema, or 401
 *   GET    /api/moderation/comments           the queue (queueQuerySchema) → 200 queuePageSchema
 *   POST   /api/moderation/comments/actions   approve/unapprove/spam/trash/restore/delete or undo,
 *                                             on one or many ids (moderationActionRequestSchema)
 *                                             → 200 moderationActionResponseSchema (per-id results,
 *                                             and the request that undoes it)
 *   PATCH  /api/moderation/comments/:id       edit the text (editByModeratorRequestSchema)
 *                                             → 200 editByModeratorResponseSchema; 404 unknown id
 *   POST   /api/moderation/comments/:id/reply reply as the site (replyRequestSchema): approved at
 *                                             once, byModerator for readers; a held parent is
 *                                             approved with it → 201 replyResponseSchema; 404
 *                                             unknown id; 409 when the parent is spam, trash or deleted
 *   GET    /api/moderation/audit              the audit log, newest first (auditQuerySchema) → 200 auditPageSchema
 *   GET    /api/moderation/settings           → 200 moderationSettingsSchema
 *   PUT    /api/moderation/settings           the whole settings object (a missing field takes
 *                                             its default) → 200 moderationSettingsSchema
 *   POST   /api/moderation/privacy/export     every comment by an email (privacyRequestSchema)
 *                                             → 200 privacyExportSchema (POST keeps the address
 *                                             out of URLs and access logs)
 *   POST   /api/moderation/privacy/erase      erase a person's data (privacyEraseRequestSchema)
 *                                             → 200 privacyEraseResponseSchema
 *
 * The session is an HttpOnly, SameSite=Strict cookie (see sessionCookieNames): the client never
 * reads it, it sends requests with credentials: 'same-origin' (the default) and the header.
 * In the mock (npm run dev) a development account is documented on the mock panel.
 */
import { z } from './zod-mini';

/** Every moderation change carries this header with the value "1": a cross-site form cannot. */
export const moderationRequestHeader = 'X-Moderation-Request';
export const moderationRequestHeaderValue = '1';

export const moderationBasePath = '/api/moderation';

/**
 * The session cookie: `__Host-` prefixed (Secure, Path=/, no Domain) on https; on plain http
 * (development on localhost or 127.0.0.1), where browsers refuse a Secure cookie's prefix
 * outside localhost, the same cookie without the prefix and without Secure.
 */
export const sessionCookieNames = {
  secure: '__Host-moderator-session',
  plainHttp: 'moderator-session',
} as const;

/** Sessions end after this long without a request, and this long after sign-in whatever happens. */
export const sessionLifetimes = {
  idleMinutes: 30,
  absoluteHours: 12,
} as const;

export const moderatorRoleSchema = z.enum(['moderator', 'editor']);
export type ModeratorRole = z.infer<typeof moderatorRoleSchema>;

export const moderatorSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  email: z.string(),
  role: moderatorRoleSchema,
});
export type Moderator = z.infer<typeof moderatorSchema>;

export const signInRequestSchema = z.object({
  email: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Enter the email address of your moderator account.'),
      z.maxLength(254),
    ),
  password: z
    .string()
    .check(z.minLength(1, 'Enter your password.'), z.maxLength(1024, 'That password is too long.')),
});
export type SignInRequest = z.input<typeof signInRequestSchema>;

export const moderationSessionSchema = z.object({
  moderator: moderatorSchema,
  /** When the session ends if no request comes before then (the idle expiry), ISO 8601. */
  idleExpiresAt: z.iso.datetime({ offset: true }),
  /** When it ends whatever happens (the absolute expiry). */
  expiresAt: z.iso.datetime({ offset: true }),
});
export type ModerationSession = z.infer<typeof moderationSessionSchema>;

/** The queue's tabs: a stored comment's status as moderators see it. */
const queueTabNames = ['pending', 'approved', 'spam', 'trash'] as const;
export const queueTabSchema = z.enum(queueTabNames);
export type QueueTab = z.infer<typeof queueTabSchema>;
export const queueTabs = queueTabNames;

/** Why the rules held a comment (or sent it to spam). */
export const heldReasonSchema = z.enum([
  /** At least maxLinks links. */
  'links',
  /** A moderation word in its text, name, email, website or IP. */
  'moderation-word',
  /** A disallowed word: sent to spam. */
  'disallowed-word',
  /** No comment of this author's approved yet (holdFirstComment). */
  'first-comment',
]);
export type HeldReason = z.infer<typeof heldReasonSchema>;

export const queueQuerySchema = z.object({
  status: z._default(queueTabSchema, 'pending'),
  /** An article's slug: only its comments. */
  article: z.optional(z.string().check(z.minLength(1))),
  /** Case-insensitive substring of the text, the author's name or email. */
  q: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  page: z._default(z.coerce.number().check(z.int(), z.gte(1)), 1),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
});
export type QueueQuery = z.input<typeof queueQuerySchema>;

const isoDateTime = z.iso.datetime({ offset: true });

/** A comment as moderators see it: private fields included, for moderators' eyes only. */
export const queueItemSchema = z.object({
  id: z.string().check(z.minLength(1)),
  parentId: z.nullable(z.string().check(z.minLength(1))),
  article: z.object({ slug: z.string(), title: z.string() }),
  author: z.string(),
  email: z.string(),
  website: z.nullable(z.string()),
  /** The address truncated: /24 for IPv4, /48 for IPv6 (like "203.0.113.0/24"), or null. */
  ip: z.nullable(z.string()),
  content: z.string(),
  createdAt: isoDateTime,
  editedAt: z.nullable(isoDateTime),
  status: queueTabSchema,
  /** Empty unless the rules held it or sent it to spam. */
  reasons: z.array(heldReasonSchema),
  /** A reply a moderator wrote as the site. */
  byModerator: z.boolean(),
});
export type QueueItem = z.infer<typeof queueItemSchema>;

export const queueCountsSchema = z.object({
  pending: z.int().check(z.nonnegative()),
  approved: z.int().check(z.nonnegative()),
  spam: z.int().check(z.nonnegative()),
  trash: z.int().check(z.nonnegative()),
});
export type QueueCounts = z.infer<typeof queueCountsSchema>;

export const queuePageSchema = z.object({
  /** Newest first. */
  items: z.array(queueItemSchema),
  /** Per tab, for the whole site, or for the article when the query names one (not the search). */
  counts: queueCountsSchema,
  /** Items matching the whole query, all pages together. */
  total: z.int().check(z.nonnegative()),
  page: z.int().check(z.gte(1)),
  pageSize: z.int().check(z.gte(1)),
});
export type QueuePage = z.infer<typeof queuePageSchema>;

const ids = z
  .array(z.string().check(z.minLength(1)))
  .check(
    z.minLength(1, 'Choose at least one comment.'),
    z.maxLength(100, 'Choose at most 100 comments at a time.'),
  );

/**
 * approve: to approved. unapprove: approved back to pending. spam, trash: there, remembering the
 * status before. restore: from spam or trash to the status before. delete: permanently, from spam
 * or trash only (a comment with replies becomes a placeholder). undo: each item back to `status`,
 * if it is still `expected` (what the undone action made it).
 */
export const bulkActionSchema = z.enum([
  'approve',
  'unapprove',
  'spam',
  'trash',
  'restore',
  'delete',
]);
export type BulkAction = z.infer<typeof bulkActionSchema>;

export const undoItemSchema = z.object({
  id: z.string().check(z.minLength(1)),
  status: queueTabSchema,
  expected: queueTabSchema,
});

export const moderationActionRequestSchema = z.discriminatedUnion('action', [
  z.object({ action: bulkActionSchema, ids }),
  z.object({
    action: z.literal('undo'),
    items: z.array(undoItemSchema).check(z.minLength(1), z.maxLength(200)),
  }),
]);
export type ModerationActionRequest = z.infer<typeof moderationActionRequestSchema>;

export const actionResultSchema = z.object({
  id: z.string(),
  ok: z.boolean(),
  /** The status before; null when the comment was not found. */
  from: z.nullable(queueTabSchema),
  /** The status after; null when it was deleted permanently (or not found). */
  to: z.nullable(queueTabSchema),
  /** Why not, when ok is false (unknown id, delete from a tab other than spam or trash…). */
  message: z.optional(z.string()),
});
export type ActionResult = z.infer<typeof actionResultSchema>;

export const moderationActionResponseSchema = z.object({
  results: z.array(actionResultSchema),
  /** Send this back to POST /comments/actions to undo; null when nothing can be (delete). */
  undo: z.nullable(moderationActionRequestSchema),
  counts: queueCountsSchema,
});
export type ModerationActionResponse = z.infer<typeof moderationActionResponseSchema>;

export const editByModeratorRequestSchema = z.object({
  content: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'The comment cannot be empty: trash it instead.'),
      z.maxLength(65525, 'The comment is too long.'),
    ),
});

export const editByModeratorResponseSchema = z.object({
  item: queueItemSchema,
  /** The text before the edit: PATCH it back to undo. */
  previousContent: z.string(),
});

export const replyRequestSchema = z.object({
  content: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Type your reply.'),
      z.maxLength(65525, 'Your reply is too long.'),
    ),
});

export const replyResponseSchema = z.object({
  /** The reply, approved, byModerator. */
  item: queueItemSchema,
  /** The parent as it is now (approved, if the reply approved it). */
  parent: queueItemSchema,
  /** Trashes the reply (and puts a parent the reply approved back to pending). */
  undo: moderationActionRequestSchema,
});

export const auditActionSchema = z.enum([
  'approve',
  'unapprove',
  'spam',
  'trash',
  'restore',
  'delete',
  'undo',
  'edit',
  'reply',
  'settings',
  'export',
  'erase',
  'create-article',
  'update-article',
  'publish-article',
  'unpublish-article',
]);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: isoDateTime,
  /** Null when the moderator's account has since been removed. */
  moderator: z.nullable(z.object({ id: z.string(), name: z.string() })),
  action: auditActionSchema,
  commentId: z.nullable(z.string()),
  article: z.nullable(z.object({ slug: z.string(), title: z.string() })),
  fromStatus: z.nullable(z.string()),
  toStatus: z.nullable(z.string()),
  /** What else: which settings changed, how many comments were erased. Never an email. */
  detail: z.nullable(z.string()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.object({
  commentId: z.optional(z.string().check(z.minLength(1))),
  page: z._default(z.coerce.number().check(z.int(), z.gte(1)), 1),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
});

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  total: z.int().check(z.nonnegative()),
  page: z.int().check(z.gte(1)),
  pageSize: z.int().check(z.gte(1)),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

// overwrite, not transform: the type stays a string, which JSON Schema (OpenAPI) can say.
const wordList = (field: string) =>
  z._default(
    z.string().check(
      z.maxLength(65535, `${field}: at most 64 KB of words.`),
      z.overwrite((value) =>
        value
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean)
          .join('\n'),
      ),
    ),
    '',
  );

/** The owner's rules. Defaults keep the behaviour the site had before it had settings. */
export const moderationSettingsSchema = z.object({
  /** Hold a comment with at least this many links (WordPress's comment_max_links); 0: never. */
  maxLinks: z._default(z.int().check(z.gte(0), z.lte(100)), 2),
  /** One per line; hold a comment holding one in its text, name, email, website or IP. */
  moderationWords: wordList('Moderation words'),
  /** One per line, matched the same way; such a comment goes to spam. */
  disallowedWords: wordList('Disallowed words'),
  /** Hold a comment unless its author (by email) has one approved already. Off by default. */
  holdFirstComment: z._default(z.boolean(), false),
  /** Close comments on articles published more than this many days ago; 0: never. */
  closeAfterDays: z._default(z.int().check(z.gte(0), z.lte(36500)), 0),
  /** Slugs of articles whose comments are closed whatever their age. */
  closedArticles: z._default(
    z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(10000)),
    [],
  ),
  /** Seconds between two comments from one email address (WordPress: 15); 0: no guard. */
  floodSeconds: z._default(z.int().check(z.gte(0), z.lte(3600)), 15),
  /** Minutes an author may change or remove their comment. */
  editWindowMinutes: z._default(z.int().check(z.gte(0), z.lte(1440)), 15),
  /** Threads per page when the reader's request names no limit. */
  pageSize: z._default(z.int().check(z.gte(1), z.lte(100)), 50),
});
export type ModerationSettings = z.infer<typeof moderationSettingsSchema>;
export type ModerationSettingsInput = z.input<typeof moderationSettingsSchema>;
export const defaultModerationSettings: ModerationSettings = moderationSettingsSchema.parse({});

export const privacyRequestSchema = z.object({
  email: z
    .string()
    .check(
      z.trim(),
      z.minLength(3, 'Enter the email address the comments were posted with.'),
      z.maxLength(254),
    ),
});

export const privacyExportSchema = z.object({
  email: z.string(),
  exportedAt: isoDateTime,
  comments: z.array(queueItemSchema),
});
export type PrivacyExport = z.infer<typeof privacyExportSchema>;

export const privacyEraseRequestSchema = z.extend(privacyRequestSchema, {
  /** anonymise: keep the comments as placeholders with no author, email, website, IP or text.
   *  delete: remove them (a comment with replies still becomes a placeholder). */
  mode: z._default(z.enum(['anonymise', 'delete']), 'anonymise'),
});

export const privacyEraseResponseSchema = z.object({
  /** Comments found under the address and erased. */
  erased: z.int().check(z.nonnegative()),
});

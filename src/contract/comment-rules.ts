/**
 * The rules that decide a comment's fate, written once: the MSW mock and the real server both
 * call these functions, each answering the questions they ask from its own storage (an array in
 * localStorage, or SQL). Plain functions over plain data: no React, no Node, no storage.
 */
import {
  commentPageSchema,
  commentRequestSchema,
  commentsQuerySchema,
  deleteCommentRequestSchema,
  editCommentRequestSchema,
  editWindowMinutes,
  type Comment,
} from './comments';
import type { ApiErrorBody } from './errors';
import { defaultModerationSettings, type HeldReason, type ModerationSettings } from './moderation';
import { z } from './zod-mini';
import en from 'zod/v4/locales/en.js';

// zod/mini carries no messages of its own ("Invalid input"): the refusals the mock and the server
// send (a malformed client id, a bad page size) say in English what was wrong, as zod's full
// build did. Only they import these rules, so the browser's comment code goes without.
z.config(en());

/** WordPress's defaults (thread_comments_depth, comment_flood_filter, comment_max_links). */
export const commentRules = {
  maxDepth: 5,
  floodSeconds: 15,
  maxLinks: 2,
  editWindowMs: editWindowMinutes * 60 * 1000,
} as const;

/** Every state a stored comment can be in; readers only ever see the first three. */
export type StoredStatus = 'approved' | 'pending' | 'deleted' | 'spam' | 'trash';

/** What both stores keep about a comment, in the shape these rules read. */
export interface StoredCommentView {
  id: string;
  parentId: string | null;
  author: string;
  website: string | null;
  content: string;
  /** ISO 8601. */
  createdAt: string;
  editedAt?: string | null;
  status: StoredStatus;
  /** Written by a moderator as the site. */
  byModerator?: boolean;
}

/** An error answer: its status, its body in the contract's shape, and any headers it needs. */
export interface Refusal {
  status: number;
  body: ApiErrorBody;
  headers?: Record<string, string>;
}

export function refusal(
  status: number,
  message: string,
  extra: Omit<ApiErrorBody, 'status' | 'message'> = {},
  headers?: Record<string, string>,
): Refusal {
  return { status, body: { status, message, ...extra }, ...(headers ? { headers } : {}) };
}

export const refusals = {
  noArticle: () => refusal(404, 'No article has that address.'),
  noComment: () => refusal(404, 'That comment no longer exists.'),
  notYours: () => refusal(403, 'You can only change your own comments.'),
  windowClosed: (minutes: number = editWindowMinutes) =>
    refusal(
      403,
      `The ${minutes}-minute editing window has closed: this comment can no longer be changed.`,
    ),
  /** WordPress's words (wp_handle_comment_submission, comment_closed). */
  closed: () => refusal(403, 'Sorry, comments are closed for this item.'),
  parentGone: () =>
    refusal(400, 'The comment you are replying to no longer exists.', {
      fieldErrors: { parentId: 'The comment you are replying to no longer exists.' },
    }),
  parentHeld: () =>
    refusal(
      400,
      'The comment you are replying to is awaiting moderation: you can reply once it is published.',
      {
        fieldErrors: {
          parentId:
            'The comment you are replying to is awaiting moderation: you can reply once it is published.',
        },
      },
    ),
  duplicate: () =>
    refusal(409, 'Duplicate comment detected; it looks as though you’ve already said that!'),
  flood: (retryAfterSeconds: number) =>
    refusal(
      429,
      'You are posting comments too quickly. Slow down.',
      { retryAfterSeconds },
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  staleCursor: () =>
    refusal(
      400,
      'That page of comments is no longer available: reload the comments to start again.',
      {
        fieldErrors: {
          cursor: 'Unknown cursor: use the nextCursor of a page you were given, or leave it out.',
        },
      },
    ),
};

/** Request bodies past this are refused (413): a comment is at most 64 KB of text. */
export const maxBodyBytes = 100 * 1024;

export const bodyRefusals = {
  tooLarge: () =>
    refusal(413, `The request body is too large: send at most ${maxBodyBytes / 1024} KB.`),
  notJson: () =>
    refusal(415, 'Send the request body as JSON, with Content-Type: application/json.'),
  malformed: () => refusal(400, 'The request body is not valid JSON.'),
};

/** A request's JSON body, from its Content-Type and text, or the refusal that says what is wrong. */
export function readJsonRequest(
  contentType: string | null | undefined,
  text: string,
): { ok: true; value: unknown } | { ok: false; refusal: Refusal } {
  if (new TextEncoder().encode(text).length > maxBodyBytes) {
    return { ok: false, refusal: bodyRefusals.tooLarge() };
  }
  if (!/^application\/(.+\+)?json\s*(;|$)/i.test(contentType ?? '')) {
    return { ok: false, refusal: bodyRefusals.notJson() };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, refusal: bodyRefusals.malformed() };
  }
}

type Issues = readonly { path: readonly PropertyKey[]; message: string }[];

/** The first message per field, as the contract's fieldErrors. */
export function fieldErrorsOf(issues: Issues): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'body');
    fieldErrors[field] ??= issue.message;
  }
  return fieldErrors;
}

type Parsed<T> = { ok: true; data: T } | { ok: false; refusal: Refusal };

function parsed<T>(
  result: { success: true; data: T } | { success: false; error: { issues: Issues } },
  message: string,
): Parsed<T> {
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    refusal: refusal(400, message, { fieldErrors: fieldErrorsOf(result.error.issues) }),
  };
}

export type CommentInput = ReturnType<typeof commentRequestSchema.parse>;
export type CommentsQuery = ReturnType<typeof commentsQuerySchema.parse>;

export function parseCommentRequest(body: unknown): Parsed<CommentInput> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      ok: false,
      refusal: refusal(400, 'The request body must be a JSON object with the comment’s fields.'),
    };
  }
  return parsed(commentRequestSchema.safeParse(body), 'Some fields need attention.');
}

export function parseEditRequest(body: unknown) {
  return parsed(editCommentRequestSchema.safeParse(body), 'Some fields need attention.');
}

export function parseDeleteRequest(body: unknown) {
  return parsed(
    deleteCommentRequestSchema.safeParse(body),
    'The request to delete was not understood.',
  );
}

/** The list's parameters; `pageSize` (the owner's setting) when the request names no limit. */
export function parseCommentsQuery(
  params: Record<string, string>,
  pageSize?: number,
): Parsed<CommentsQuery> {
  const withLimit =
    params.limit === undefined && pageSize !== undefined
      ? { ...params, limit: String(pageSize) }
      : params;
  return parsed(
    commentsQuerySchema.safeParse(withLimit),
    'The comment list was asked for with bad parameters.',
  );
}

/** Links as WordPress counts them for comment_max_links. */
export function countLinks(text: string): number {
  return text.match(/\bhttps?:\/\/|\bwww\./gi)?.length ?? 0;
}

export function heldForLinks(text: string, maxLinks: number = commentRules.maxLinks): boolean {
  // As WordPress: 0 turns the rule off.
  return maxLinks > 0 && countLinks(text) >= maxLinks;
}

/** A settings word list (one per line), as WordPress reads moderation_keys: trimmed, no blanks. */
export function wordsOf(list: string): string[] {
  return list
    .split(/\r?\n/)
    .map((word) => word.trim())
    .filter(Boolean);
}

/**
 * Whether any word is in any of the fields: case-insensitive substrings, as WordPress's
 * check_comment and wp_check_comment_disallowed_list match them ("press" is in "WordPress").
 */
export function containsWord(words: readonly string[], fields: readonly (string | null)[]) {
  const haystacks = fields.filter((f): f is string => Boolean(f)).map((f) => f.toLowerCase());
  return words.some((word) => {
    const needle = word.toLowerCase();
    return haystacks.some((field) => field.includes(needle));
  });
}

/** What the moderation words are matched in: WordPress's author, email, url, content and IP. */
export interface CommentFields {
  content: string;
  author: string;
  email: string;
  website: string | null;
  ip: string | null;
}

/**
 * A new comment's fate by the owner's rules: spam for a disallowed word; otherwise held for
 * each reason that applies (links, a moderation word, a first comment), approved for none.
 */
export function judgeComment(
  fields: CommentFields,
  settings: ModerationSettings,
  previouslyApproved: boolean,
): { status: 'approved' | 'pending' | 'spam'; reasons: HeldReason[] } {
  const all = [fields.content, fields.author, fields.email, fields.website, fields.ip];
  if (containsWord(wordsOf(settings.disallowedWords), all)) {
    return { status: 'spam', reasons: ['disallowed-word'] };
  }
  const reasons: HeldReason[] = [];
  if (heldForLinks(fields.content, settings.maxLinks)) reasons.push('links');
  if (containsWord(wordsOf(settings.moderationWords), all)) reasons.push('moderation-word');
  if (settings.holdFirstComment && !previouslyApproved) reasons.push('first-comment');
  return { status: reasons.length ? 'pending' : 'approved', reasons };
}

/** Whether an article takes no new comments: closed by a moderator, or older than the limit. */
export function commentsClosed(
  article: { slug: string; publishedAt: string | Date },
  settings: Pick<ModerationSettings, 'closeAfterDays' | 'closedArticles'>,
  now: Date,
): boolean {
  if (settings.closedArticles.includes(article.slug)) return true;
  if (settings.closeAfterDays <= 0) return false;
  const published = new Date(article.publishedAt).getTime();
  return now.getTime() - published > settings.closeAfterDays * 24 * 60 * 60 * 1000;
}

/** The questions the rules ask a store before a new comment is kept. */
export interface NewCommentLookups<Stored> {
  /** The comment this same submission (client id) already made on this article, if any. */
  byClientId(clientId: string): Promise<Stored | null>;
  /** The comment replied to, on this article, as the sender may see it; null if there is none. */
  parent(
    id: string,
  ): Promise<{ status: StoredStatus; depth: number; parentId: string | null } | null>;
  /** Whether this very comment is already there (same parent, author, email and text). */
  isDuplicate(comment: {
    parentId: string | null;
    author: string;
    email: string;
    content: string;
  }): Promise<boolean>;
  /** When this email address last posted a comment that is still kept. */
  lastPostAt(email: string): Promise<Date | null>;
  /** Whether this email address has an approved comment anywhere (comment_previously_approved). */
  hasApprovedComment(email: string): Promise<boolean>;
}

export type NewCommentDecision<Stored> =
  /** The honeypot was filled: answer as if all went well and keep nothing. */
  | { kind: 'discard' }
  /** The same submission again: answer with what was stored the first time. */
  | { kind: 'resend'; existing: Stored }
  | { kind: 'refuse'; refusal: Refusal }
  | {
      kind: 'store';
      parentId: string | null;
      depth: number;
      status: 'approved' | 'pending' | 'spam';
      reasons: HeldReason[];
      email: string;
    };

export interface RuleOptions {
  /** Off only in the server's bench profile, to measure posting rather than the guard. */
  floodGuard?: boolean;
  /** The owner's rules; WordPress's defaults when absent. */
  settings?: ModerationSettings;
  /** The article commented on, for the rules that close comments. */
  article?: { slug: string; publishedAt: string | Date };
  /** The sender's address, which moderation words are matched in too. */
  ip?: string | null;
}

/** Decides what happens to a new comment, in WordPress's order of checks. */
export async function decideNewComment<Stored>(
  input: CommentInput,
  lookups: NewCommentLookups<Stored>,
  now: Date,
  options: RuleOptions = {},
): Promise<NewCommentDecision<Stored>> {
  if (input.homepage) return { kind: 'discard' };
  const settings = options.settings ?? defaultModerationSettings;

  const existing = await lookups.byClientId(input.clientId);
  if (existing) return { kind: 'resend', existing };

  // After the resend check: a lost answer to a comment sent before closing still gets its reply.
  if (options.article && commentsClosed(options.article, settings, now)) {
    return { kind: 'refuse', refusal: refusals.closed() };
  }

  let parentId = input.parentId;
  let depth = 1;
  if (parentId) {
    const parent = await lookups.parent(parentId);
    if (!parent || parent.status === 'spam' || parent.status === 'trash') {
      return { kind: 'refuse', refusal: refusals.parentGone() };
    }
    if (parent.status === 'deleted') return { kind: 'refuse', refusal: refusals.parentGone() };
    if (parent.status !== 'approved') return { kind: 'refuse', refusal: refusals.parentHeld() };
    // Like WordPress, threads go 5 deep: a reply to the deepest level joins that level.
    if (parent.depth >= commentRules.maxDepth) {
      parentId = parent.parentId;
      depth = parent.depth;
    } else {
      depth = parent.depth + 1;
    }
  }

  const email = input.email;
  if (await lookups.isDuplicate({ parentId, author: input.name, email, content: input.comment })) {
    return { kind: 'refuse', refusal: refusals.duplicate() };
  }

  if (options.floodGuard !== false) {
    const last = await lookups.lastPostAt(email);
    const waitMs = last ? last.getTime() + settings.floodSeconds * 1000 - now.getTime() : 0;
    if (waitMs > 0) {
      return { kind: 'refuse', refusal: refusals.flood(Math.ceil(waitMs / 1000)) };
    }
  }

  const previouslyApproved = settings.holdFirstComment
    ? await lookups.hasApprovedComment(email)
    : true;
  const { status, reasons } = judgeComment(
    {
      content: input.comment,
      author: input.name,
      email,
      website: input.website || null,
      ip: options.ip ?? null,
    },
    settings,
    previouslyApproved,
  );
  return { kind: 'store', parentId, depth, status, reasons, email };
}

/** What a comment that is going to be discarded looks like to the bot that sent it. */
export function discardedComment(input: CommentInput, now: Date): Comment {
  return {
    id: `discarded-${input.clientId}`,
    parentId: input.parentId,
    author: input.name,
    website: null,
    content: input.comment,
    createdAt: now.toISOString(),
    editedAt: null,
    status: 'pending',
  };
}

/** Until when a comment posted at `createdAt` may be changed by its author (an ISO time). */
export function editableUntil(createdAt: string, windowMinutes: number): string {
  return new Date(Date.parse(createdAt) + windowMinutes * 60 * 1000).toISOString();
}

/** The author's own comment within its edit window, or the refusal that says why not. */
export function checkOwnEdit(
  comment: Pick<StoredCommentView, 'status' | 'createdAt'> | null,
  tokenMatches: boolean,
  now: Date,
  windowMinutes: number = editWindowMinutes,
): Refusal | null {
  if (
    !comment ||
    comment.status === 'deleted' ||
    comment.status === 'spam' ||
    comment.status === 'trash'
  ) {
    return refusals.noComment();
  }
  if (!tokenMatches) return refusals.notYours();
  if (now.getTime() - Date.parse(comment.createdAt) > windowMinutes * 60 * 1000) {
    return refusals.windowClosed(windowMinutes);
  }
  return null;
}

/** An edit that adds links or a moderation word is held, as a new comment would be. */
export function statusAfterEdit(
  current: StoredStatus,
  content: string,
  settings: Pick<ModerationSettings, 'maxLinks' | 'moderationWords'> = defaultModerationSettings,
): StoredStatus {
  const held =
    heldForLinks(content, settings.maxLinks) ||
    containsWord(wordsOf(settings.moderationWords), [content]);
  return held ? 'pending' : current;
}

/**
 * What deleting a comment leaves: a placeholder while replies remain under it (its text and
 * email erased), otherwise nothing; and a placeholder whose last reply goes, goes too.
 */
export async function planDeletion(
  id: string,
  lookups: {
    replyIds(id: string): Promise<string[]>;
    /** The comment's parent, if it has one. */
    parentOf(id: string): Promise<{ id: string; status: StoredStatus } | null>;
  },
): Promise<{ placeholder: string | null; remove: string[] }> {
  if ((await lookups.replyIds(id)).length > 0) return { placeholder: id, remove: [] };
  const remove = [id];
  let parent = await lookups.parentOf(id);
  while (parent && parent.status === 'deleted') {
    const remaining = (await lookups.replyIds(parent.id)).filter((r) => !remove.includes(r));
    if (remaining.length > 0) break;
    remove.push(parent.id);
    parent = await lookups.parentOf(parent.id);
  }
  return { placeholder: null, remove };
}

/** A comment as readers get it: never an email, a token, or a deleted comment's words. */
export function toPublicComment(stored: StoredCommentView): Comment {
  const { id, parentId, author, website, content, createdAt, editedAt, status, byModerator } =
    stored;
  if (status === 'deleted') {
    return {
      id,
      parentId,
      author: '',
      website: null,
      content: '',
      createdAt,
      editedAt: null,
      status,
    };
  }
  const shown = status === 'approved' ? 'approved' : 'pending';
  return {
    id,
    parentId,
    author,
    website,
    content,
    createdAt,
    editedAt: editedAt ?? null,
    status: shown,
    ...(byModerator ? { byModerator: true as const } : {}),
  };
}

/** Whether a reader sees a stored comment: held ones only by their author, spam and trash by no one. */
export function visibleToReader(status: StoredStatus, isAuthor: boolean): boolean {
  if (status === 'approved' || status === 'deleted') return true;
  return status === 'pending' && isAuthor;
}

/**
 * One page of the list, from the threads a store found after the cursor (in the page's order,
 * up to limit + 1 of them, so it can tell whether more follow) and the candidate replies under
 * them (any order). A reply shows only when its parent does.
 */
export function assemblePage(
  threadsAfterCursor: readonly StoredCommentView[],
  replies: readonly StoredCommentView[],
  limit: number,
  total: number,
) {
  const pageThreads = threadsAfterCursor.slice(0, limit);
  const shown = new Set(pageThreads.map((c) => c.id));
  const byAge = (a: StoredCommentView, b: StoredCommentView) =>
    Date.parse(a.createdAt) - Date.parse(b.createdAt) || Number(a.id) - Number(b.id);
  const sorted = [...replies].sort(byAge);
  const pageReplies: StoredCommentView[] = [];
  // Replies come oldest first within each thread, whatever the order of the threads. A parent
  // is always older than its replies, so one pass in age order finds every visible descendant.
  for (const reply of sorted) {
    if (reply.parentId && shown.has(reply.parentId) && !shown.has(reply.id)) {
      shown.add(reply.id);
      pageReplies.push(reply);
    }
  }
  const last = pageThreads.at(-1);
  return commentPageSchema.parse({
    comments: [...pageThreads, ...pageReplies].map(toPublicComment),
    total,
    nextCursor: last && threadsAfterCursor.length > limit ? last.id : null,
  });
}

/** Order of threads: by age, then id (ids grow, so they break ties between equal times). */
export function compareThreads(order: 'oldest' | 'newest') {
  return (a: StoredCommentView, b: StoredCommentView) => {
    const byAge = Date.parse(a.createdAt) - Date.parse(b.createdAt) || Number(a.id) - Number(b.id);
    return order === 'oldest' ? byAge : -byAge;
  };
}

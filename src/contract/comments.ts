// zod/mini, as the article's contract: the comment code loads its schemas without the whole of
// zod (see ./zod-mini.ts). The server and the mock read them as well, and the OpenAPI document
// is made from them (z.toJSONSchema takes mini schemas too).
import { z } from './zod-mini';
import { commentFieldsSchema } from './comment-fields';

/** Sent with every comments request so the server can show an author their own held comments. */
export const commenterTokenHeader = 'X-Commenter-Token';

const nonEmpty = () => z.string().check(z.minLength(1));
const editToken = () => z.string().check(z.minLength(16));

/** What the client POSTs: the fields plus where the comment goes and who is sending it. */
export const commentRequestSchema = z.extend(commentFieldsSchema, {
  parentId: z.nullable(nonEmpty()),
  /** Made by the client once per comment, so a resend of the same comment is recognised. */
  clientId: z.uuid(),
  /** The honeypot: hidden from people, filled in by bots. */
  homepage: z.optional(z.string()),
});
export type CommentRequest = z.input<typeof commentRequestSchema>;

/** A comment as the API publishes it: never an email address, nor anything derived from one. */
export const commentSchema = z.object({
  id: nonEmpty(),
  parentId: z.nullable(nonEmpty()),
  author: z.string(),
  /** Rendered as a link only when it is a safe http(s) URL. */
  website: z.nullable(z.string()),
  content: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  /** When its author last changed it, if ever. */
  editedAt: z.optional(z.nullable(z.iso.datetime({ offset: true }))),
  /** "pending" comments are only ever returned to their own author. */
  /** "deleted" stands in for a comment its author removed while replies to it remain. */
  status: z.enum(['approved', 'pending', 'deleted']),
  /** Present (true) on a reply a moderator wrote as the site: readers see a "Moderator" badge. */
  byModerator: z.optional(z.literal(true)),
});
export type Comment = z.infer<typeof commentSchema>;

export const commentOrderSchema = z.enum(['oldest', 'newest']);
export type CommentOrder = z.infer<typeof commentOrderSchema>;

export const commentPageSchema = z.object({
  /** The page's threads: top-level comments with all their replies, flat, in display order. */
  comments: z.array(commentSchema),
  /** Approved comments on the article, all pages together. */
  total: z.int().check(z.nonnegative()),
  nextCursor: z.nullable(z.string()),
  /** Present (true) when the article takes no new comments (closed by age or by a moderator). */
  commentsClosed: z.optional(z.literal(true)),
});
export type CommentPage = z.infer<typeof commentPageSchema>;

/**
 * A comment form posted without JavaScript and refused: the page comes back with the words as
 * typed, the refusal's message and its errors by field, and a client id for the next send.
 */
export interface CommentFormEcho {
  values: { comment: string; name: string; email: string; website: string };
  fieldErrors: Record<string, string>;
  message: string;
  clientId: string;
}

/** Where the comment form posts without JavaScript (application/x-www-form-urlencoded). */
export const commentFormAction = (slug: string) => `/articles/${encodeURIComponent(slug)}/comments`;

export const commentsQuerySchema = z.object({
  order: z._default(commentOrderSchema, 'oldest'),
  /** Threads per page; a request without it gets the owner's page size (50 unless changed). */
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 50),
  /** The id of the last thread of the previous page. */
  cursor: z.optional(nonEmpty()),
});

/** Authors may change or remove a comment for this long after posting it (Isso's window). */
export const editWindowMinutes = 15;

export const postCommentResponseSchema = z.object({
  comment: commentSchema,
  /** Given to the author alone: proves, for the edit window, that the comment is theirs. */
  editToken: editToken(),
  /** Until when its author may change or remove it: the owner's edit window, from its posting. */
  editableUntil: z.iso.datetime({ offset: true }),
});

export const editCommentRequestSchema = z.object({
  comment: commentFieldsSchema.shape.comment,
  editToken: editToken(),
});

export const deleteCommentRequestSchema = z.object({ editToken: editToken() });

export const editCommentResponseSchema = z.object({ comment: commentSchema });

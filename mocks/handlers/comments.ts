import { http, HttpResponse } from 'msw';
import {
  commentPageSchema,
  commentRequestSchema,
  commentsQuerySchema,
  commenterTokenHeader,
  deleteCommentRequestSchema,
  editCommentRequestSchema,
  editCommentResponseSchema,
  editWindowMinutes,
  postCommentResponseSchema,
  type Comment,
} from '../../src/contract/comments';
import { db, type StoredComment } from '../db';
import { articleFixtures } from '../fixtures/articles';
import { apiPath, errorResponse } from './http';

const maxDepth = 5;
const floodSeconds = 15;
const maxLinks = 2;

function toPublic(stored: StoredComment): Comment {
  const { id, parentId, author, website, content, createdAt, editedAt, status } = stored;
  // What remains of a removed comment that has replies: its place in the thread, nothing else.
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
  return { id, parentId, author, website, content, createdAt, editedAt: editedAt ?? null, status };
}

const editWindowMs = editWindowMinutes * 60 * 1000;

/** The author's own comment, within its edit window, or the error response that says why not. */
function ownEditableComment(slug: string, id: string, editToken: string) {
  const comment = db.comments(slug).find((c) => c.id === id && c.status !== 'deleted');
  if (!comment) return { error: errorResponse(404, 'That comment no longer exists.') };
  if (!comment.editToken || comment.editToken !== editToken) {
    return { error: errorResponse(403, 'You can only change your own comments.') };
  }
  if (Date.now() - Date.parse(comment.createdAt) > editWindowMs) {
    return {
      error: errorResponse(
        403,
        `The ${editWindowMinutes}-minute editing window has closed: this comment can no longer be changed.`,
      ),
    };
  }
  return { comment };
}

function visibleTo(token: string | null) {
  return (c: StoredComment) =>
    c.status !== 'pending' || (token !== null && c.authorToken === token);
}

function depthOf(comment: StoredComment, all: readonly StoredComment[]): number {
  let depth = 1;
  let parentId = comment.parentId;
  while (parentId) {
    const parent = all.find((c) => c.id === parentId);
    if (!parent) break;
    depth += 1;
    parentId = parent.parentId;
  }
  return depth;
}

function countLinks(text: string): number {
  return text.match(/\bhttps?:\/\/|\bwww\./gi)?.length ?? 0;
}

function firstIssuePerField(issues: readonly { path: PropertyKey[]; message: string }[]) {
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    fieldErrors[field] ??= issue.message;
  }
  return fieldErrors;
}

function articleExists(slug: string): boolean {
  return articleFixtures.some((a) => a.slug === slug);
}

export const commentHandlers = [
  http.get(apiPath('/articles/:slug/comments'), ({ request, params }) => {
    const slug = String(params.slug);
    if (!articleExists(slug)) return errorResponse(404, 'No article has that address.');
    const url = new URL(request.url);
    const query = commentsQuerySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success) {
      return errorResponse(400, 'The comment list was asked for with bad parameters.', {
        fieldErrors: firstIssuePerField(query.error.issues),
      });
    }
    const { order, limit, cursor } = query.data;
    const token = request.headers.get(commenterTokenHeader);
    const comments = db.comments(slug);
    const visible = comments.filter(visibleTo(token));
    const byAge = (a: StoredComment, b: StoredComment) =>
      Date.parse(a.createdAt) - Date.parse(b.createdAt) || Number(a.id) - Number(b.id);

    const threads = visible.filter((c) => c.parentId === null).sort(byAge);
    if (order === 'newest') threads.reverse();
    // A keyset cursor (the last thread's id) stays correct while new comments arrive.
    const start = cursor ? threads.findIndex((c) => c.id === cursor) + 1 : 0;
    const pageThreads = threads.slice(start, start + limit);

    const replies = visible.filter((c) => c.parentId !== null).sort(byAge);
    const inPage = new Set(pageThreads.map((c) => c.id));
    const pageReplies: StoredComment[] = [];
    // Replies come oldest first within each thread, whatever the order of the threads.
    let grew = true;
    while (grew) {
      grew = false;
      for (const reply of replies) {
        if (!inPage.has(reply.id) && reply.parentId && inPage.has(reply.parentId)) {
          inPage.add(reply.id);
          pageReplies.push(reply);
          grew = true;
        }
      }
    }
    const last = pageThreads.at(-1);
    return HttpResponse.json(
      commentPageSchema.parse({
        comments: [...pageThreads, ...pageReplies.sort(byAge)].map(toPublic),
        total: comments.filter((c) => c.status === 'approved').length,
        nextCursor: last && start + limit < threads.length ? last.id : null,
      }),
    );
  }),

  http.post(apiPath('/articles/:slug/comments'), async ({ request, params }) => {
    const slug = String(params.slug);
    if (!articleExists(slug)) return errorResponse(404, 'No article has that address.');
    const body = commentRequestSchema.safeParse(await request.json().catch(() => null));
    if (!body.success) {
      return errorResponse(400, 'Some fields need attention.', {
        fieldErrors: firstIssuePerField(body.error.issues),
      });
    }
    const input = body.data;
    const token = request.headers.get(commenterTokenHeader);
    const now = new Date();
    const all = db.all();

    // Bots fill in the hidden field: answer as if all went well, and keep nothing.
    if (input.homepage) {
      return HttpResponse.json(
        postCommentResponseSchema.parse({
          comment: {
            id: `discarded-${input.clientId}`,
            parentId: input.parentId,
            author: input.name,
            website: null,
            content: input.comment,
            createdAt: now.toISOString(),
            status: 'pending',
          },
          editToken: crypto.randomUUID(),
        }),
        { status: 201 },
      );
    }

    // The same submission sent again (a double click, a retry after a lost reply).
    const repeat = all.find((c) => c.clientId === input.clientId && c.articleSlug === slug);
    if (repeat) {
      return HttpResponse.json(
        postCommentResponseSchema.parse({
          comment: toPublic(repeat),
          editToken: repeat.editToken ?? crypto.randomUUID(),
        }),
      );
    }

    let parentId = input.parentId;
    if (parentId) {
      const parent = all.find((c) => c.id === parentId && c.articleSlug === slug);
      if (!parent || !visibleTo(token)(parent)) {
        return errorResponse(400, 'The comment you are replying to no longer exists.');
      }
      // Like WordPress, threads go 5 deep: a reply to the deepest level joins that level.
      if (depthOf(parent, all) >= maxDepth) parentId = parent.parentId;
    }

    const email = input.email.toLowerCase();
    const duplicate = all.some(
      (c) =>
        c.articleSlug === slug &&
        c.parentId === parentId &&
        c.author === input.name &&
        c.email.toLowerCase() === email &&
        c.content === input.comment,
    );
    if (duplicate) {
      return errorResponse(
        409,
        'Duplicate comment detected; it looks as though you’ve already said that!',
      );
    }

    const lastByEmail = all
      .filter((c) => c.email.toLowerCase() === email)
      .reduce((latest, c) => Math.max(latest, Date.parse(c.createdAt)), 0);
    const waitMs = lastByEmail + floodSeconds * 1000 - now.getTime();
    if (waitMs > 0) {
      const retryAfterSeconds = Math.ceil(waitMs / 1000);
      return errorResponse(
        429,
        'You are posting comments too quickly. Slow down.',
        { retryAfterSeconds },
        { 'Retry-After': String(retryAfterSeconds) },
      );
    }

    const stored = db.insert({
      articleSlug: slug,
      parentId,
      author: input.name,
      email: input.email,
      website: input.website || null,
      content: input.comment,
      createdAt: now.toISOString(),
      status: countLinks(input.comment) >= maxLinks ? 'pending' : 'approved',
      authorToken: token,
      clientId: input.clientId,
      editToken: crypto.randomUUID(),
    });
    return HttpResponse.json(
      postCommentResponseSchema.parse({ comment: toPublic(stored), editToken: stored.editToken }),
      { status: 201 },
    );
  }),

  http.patch(apiPath('/articles/:slug/comments/:id'), async ({ request, params }) => {
    const body = editCommentRequestSchema.safeParse(await request.json().catch(() => null));
    if (!body.success) {
      return errorResponse(400, 'Some fields need attention.', {
        fieldErrors: firstIssuePerField(body.error.issues),
      });
    }
    const found = ownEditableComment(String(params.slug), String(params.id), body.data.editToken);
    if (found.error) return found.error;
    const updated = db.update(found.comment.id, {
      content: body.data.comment,
      editedAt: new Date().toISOString(),
      // An edit that adds links is held, like a new comment would be.
      status: countLinks(body.data.comment) >= maxLinks ? 'pending' : found.comment.status,
    });
    if (!updated) return errorResponse(404, 'That comment no longer exists.');
    return HttpResponse.json(editCommentResponseSchema.parse({ comment: toPublic(updated) }));
  }),

  http.delete(apiPath('/articles/:slug/comments/:id'), async ({ request, params }) => {
    const body = deleteCommentRequestSchema.safeParse(await request.json().catch(() => null));
    if (!body.success) return errorResponse(400, 'The request to delete was not understood.');
    const slug = String(params.slug);
    const found = ownEditableComment(slug, String(params.id), body.data.editToken);
    if (found.error) return found.error;
    const hasReplies = db.comments(slug).some((c) => c.parentId === found.comment.id);
    if (hasReplies) db.update(found.comment.id, { status: 'deleted', editToken: null });
    else db.remove(found.comment.id);
    return new HttpResponse(null, { status: 204 });
  }),
];
